import fs from "node:fs/promises";

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.nexusTestCluster;
  if (!state) return;
  await state.gateway?.stop();
  await state.cluster.stop();
  await fs.rm(state.dir, { recursive: true, force: true });
}
