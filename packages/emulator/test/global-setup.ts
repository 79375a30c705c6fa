import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Builds dist/ once so the CLI test runs the current sources. */
export default function setup(): void {
  const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const tsc = createRequire(resolve(pkg, "package.json")).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: pkg, stdio: "inherit" });
}
