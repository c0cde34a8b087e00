export default async function globalTeardown() {
  await globalThis.__IUC_TEST_PG__?.stop();
}
