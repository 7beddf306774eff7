export async function runTargets(_args: string[]): Promise<number> {
  process.stderr.write("targets: not implemented yet\n");
  return 2;
}
