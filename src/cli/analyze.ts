export async function runAnalyze(_args: string[]): Promise<number> {
  process.stderr.write("analyze: not implemented yet\n");
  return 2;
}
