import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>集约 Jiyue — 正在建设 (under construction)</p>);
