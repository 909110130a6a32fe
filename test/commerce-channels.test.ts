import pg from "pg";

import { type TenantPair, tenantPair, withAdmin } from "./support/fixtures";
import { startTestGateway, testConfig, type TestGateway } from "./support/gateway";

const CREDENTIAL_KEY = "test-credential-key-0123456789abcdef";

/**
 * WhatsApp and telephony keep their rules in the database: a template is
 * rejected only with a reason and its review time follows its status; the
 * webhook log is append-only; a call's duration comes from its timestamps,
 * a call cannot end before it began, and only admins delete call records;
 * an integration's secret is stored encrypted and never readable through
 * the API.
 */
describe("whatsapp, telephony and integrations", () => {
  let gateway: TestGateway;
  let t: TenantPair;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: testConfig({ NEXUS_CREDENTIAL_KEY: CREDENTIAL_KEY }) });
    t = await tenantPair(gateway, "Channels", "ChannelsRival");
  }, 300_000);
  afterAll(async () => gateway.close());

  const codeOf = (body: any) => body.errors?.[0]?.extensions?.code;

  test("templates need a reason to be rejected; the webhook log keeps what arrived and cannot be deleted", async () => {
    const account = (
      await gateway.data(
        t.adminToken,
        `mutation { createWhatsappAccount(input: { whatsappAccount: { name: "Support", businessAccountId: "1029384756", status: ACTIVE } }) { whatsappAccount { rowId } } }`,
      )
    ).createWhatsappAccount.whatsappAccount.rowId;

    const rejectedWithoutReason = await gateway.body(
      t.adminToken,
      `mutation($a: UUID!) { createWhatsappTemplate(input: { whatsappTemplate: { accountId: $a, name: "order_ready", language: "en", category: UTILITY, body: "Your order {{1}} is ready.", status: REJECTED } }) { whatsappTemplate { rowId } } }`,
      { a: account },
    );
    expect(codeOf(rejectedWithoutReason)).toBe("INVALID_INPUT");
    expect(rejectedWithoutReason.errors[0].message).toBe("A rejected template needs the rejection reason.");

    const template = (
      await gateway.data(
        t.adminToken,
        `mutation($a: UUID!) { createWhatsappTemplate(input: { whatsappTemplate: { accountId: $a, name: "order_ready", language: "en", category: UTILITY, body: "Your order {{1}} is ready.", status: PENDING } }) { whatsappTemplate { rowId reviewedAt } } }`,
        { a: account },
      )
    ).createWhatsappTemplate.whatsappTemplate;
    expect(template.reviewedAt).toBeNull();
    const approved = await gateway.data(
      t.adminToken,
      `mutation($id: UUID!) { updateWhatsappTemplate(input: { rowId: $id, patch: { status: APPROVED } }) { whatsappTemplate { status reviewedAt } } }`,
      { id: template.rowId },
    );
    expect(approved.updateWhatsappTemplate.whatsappTemplate.reviewedAt).not.toBeNull();

    const event = `mutation($a: UUID!, $p: JSON!) { createWhatsappWebhookEvent(input: { whatsappWebhookEvent: { accountId: $a, eventType: MESSAGE, externalId: "wamid.1", senderWaId: "15551230000", payload: $p } }) { whatsappWebhookEvent { rowId processingStatus } } }`;
    const payload = { p: { text: "hi" } };
    const received = (await gateway.data(t.userToken, event, { a: account, ...payload })).createWhatsappWebhookEvent.whatsappWebhookEvent;
    expect(received.processingStatus).toBe("RECEIVED");
    // A redelivery of the same event is refused.
    expect(codeOf(await gateway.body(t.userToken, event, { a: account, ...payload }))).toBe("CONFLICT");
    // Processed needs its time; failed needs its error.
    const processedWithoutTime = await gateway.body(
      t.userToken,
      `mutation($id: UUID!) { updateWhatsappWebhookEvent(input: { rowId: $id, patch: { processingStatus: PROCESSED } }) { whatsappWebhookEvent { rowId } } }`,
      { id: received.rowId },
    );
    expect(codeOf(processedWithoutTime)).toBe("INVALID_INPUT");
    // The payload is not in the patch and there is no delete: the log is append-only.
    const rewrite = await gateway.body(
      t.adminToken,
      `mutation($id: UUID!, $p: JSON!) { updateWhatsappWebhookEvent(input: { rowId: $id, patch: { payload: $p } }) { whatsappWebhookEvent { rowId } } }`,
      { id: received.rowId, p: { text: "bye" } },
    );
    expect(codeOf(rewrite)).toBe("GRAPHQL_VALIDATION_FAILED");
    const remove = await gateway.body(
      t.adminToken,
      `mutation($id: UUID!) { deleteWhatsappWebhookEvent(input: { rowId: $id }) { deletedWhatsappWebhookEventId } }`,
      { id: received.rowId },
    );
    expect(codeOf(remove)).toBe("GRAPHQL_VALIDATION_FAILED");
    // The rival tenant sees none of it.
    const rival = await gateway.data(t.globexAdminToken, "{ whatsappAccounts { totalCount } whatsappWebhookEvents { totalCount } }");
    expect(rival).toEqual({ whatsappAccounts: { totalCount: 0 }, whatsappWebhookEvents: { totalCount: 0 } });
  });

  test("a call's duration comes from its times, it cannot end before it began, and only admins delete call records", async () => {
    const call = (times: string) =>
      `mutation { createCallRecord(input: { callRecord: { externalCallId: "call-${times.length}", direction: INBOUND, fromNumber: "+15551230000", toNumber: "201", ${times} } }) { callRecord { rowId durationSeconds talkSeconds } } }`;
    const backwards = await gateway.body(t.userToken, call(`startedAt: "2026-03-02T10:05:00Z", endedAt: "2026-03-02T10:00:00Z"`));
    expect(codeOf(backwards)).toBe("INVALID_INPUT");
    expect(backwards.errors[0].message).toBe("A call cannot end before it started.");

    const recorded = (
      await gateway.data(
        t.userToken,
        call(`startedAt: "2026-03-02T10:00:00Z", answeredAt: "2026-03-02T10:00:15Z", endedAt: "2026-03-02T10:04:15Z"`),
      )
    ).createCallRecord.callRecord;
    expect(recorded).toMatchObject({ durationSeconds: 255, talkSeconds: 240 });

    const del = `mutation($id: UUID!) { deleteCallRecord(input: { rowId: $id }) { deletedCallRecordId } }`;
    expect(codeOf(await gateway.body(t.userToken, del, { id: recorded.rowId }))).toBe("FORBIDDEN");
    expect(codeOf(await gateway.body(t.globexAdminToken, del, { id: recorded.rowId }))).toBe("NOT_FOUND");
    expect((await gateway.data(t.adminToken, del, { id: recorded.rowId })).deleteCallRecord.deletedCallRecordId).toBeDefined();
  });

  test("a credential's secret is encrypted at rest, absent from the schema, and readable only by the host with the key", async () => {
    const credential = (
      await gateway.data(
        t.adminToken,
        'mutation { createIntegrationCredential(input: { integrationCredential: { provider: SHOPIFY, label: "Shop token" } }) { integrationCredential { rowId } } }',
      )
    ).createIntegrationCredential.integrationCredential.rowId;
    const store = `mutation($id: UUID!, $secret: String!) { storeIntegrationSecret(input: { credentialId: $id, secret: $secret }) { secretSetAt } }`;
    const stored = await gateway.data(t.adminToken, store, { id: credential, secret: "shpat_very_secret_token" });
    expect(stored.storeIntegrationSecret.secretSetAt).not.toBeNull();
    // Another tenant cannot overwrite it.
    expect(codeOf(await gateway.body(t.globexAdminToken, store, { id: credential, secret: "hijack" }))).toBe("FORBIDDEN");

    // Not in the schema: no field of the type, and asking for it is invalid.
    const type = await gateway.data(t.adminToken, '{ __type(name: "IntegrationCredential") { fields { name } } }');
    expect(type.__type.fields.map((f: { name: string }) => f.name)).not.toContain("secretCiphertext");
    expect(JSON.stringify(type)).not.toMatch(/secret(Ciphertext)?"/i);
    const asked = await gateway.body(t.adminToken, "{ integrationCredentials { nodes { secretCiphertext } } }");
    expect(codeOf(asked)).toBe("GRAPHQL_VALIDATION_FAILED");

    // The table holds ciphertext; the host decrypts with the key, and only with it.
    const raw = await withAdmin(
      async (c) =>
        (await c.query("select secret_ciphertext from integrations.integration_credentials where id = $1", [credential])).rows[0],
    );
    expect(Buffer.isBuffer(raw.secret_ciphertext)).toBe(true);
    expect(raw.secret_ciphertext.toString("latin1")).not.toContain("shpat_very_secret_token");
    const host = new pg.Client({ connectionString: process.env.NEXUS_TEST_AUTHENTICATOR_URL });
    await host.connect();
    try {
      const { rows } = await host.query("select nexus_auth.integration_secret($1, $2) as secret", [credential, CREDENTIAL_KEY]);
      expect(rows[0].secret).toBe("shpat_very_secret_token");
      await expect(host.query("select nexus_auth.integration_secret($1, $2)", [credential, "not the key"])).rejects.toThrow(/wrong key/i);
    } finally {
      await host.end();
    }
    // Deleting a credential is an admin's decision.
    const del = `mutation($id: UUID!) { deleteIntegrationCredential(input: { rowId: $id }) { deletedIntegrationCredentialId } }`;
    expect(codeOf(await gateway.body(t.userToken, del, { id: credential }))).toBe("FORBIDDEN");
  });

  test("an observation that meets an armed alert triggers it; nobody triggers one by hand; an embedding has exactly its dimensions", async () => {
    const competitor = (
      await gateway.data(
        t.userToken,
        'mutation { createCompetitionCompetitor(input: { competitionCompetitor: { name: "Initech" } }) { competitionCompetitor { rowId } } }',
      )
    ).createCompetitionCompetitor.competitionCompetitor.rowId;
    const product = (
      await gateway.data(
        t.userToken,
        'mutation($c: UUID!) { createCompetitionProduct(input: { competitionProduct: { competitorId: $c, name: "Stapler", url: "https://initech.example/stapler" } }) { competitionProduct { rowId } } }',
        { c: competitor },
      )
    ).createCompetitionProduct.competitionProduct.rowId;
    const alert = (type: string, threshold: number | null, status = "ARMED") =>
      gateway.body(
        t.userToken,
        `mutation($p: UUID!, $th: BigFloat) { createCompetitionAlert(input: { competitionAlert: { productId: $p, alertType: ${type}, threshold: $th, status: ${status} } }) { competitionAlert { rowId status } } }`,
        { p: product, th: threshold === null ? null : String(threshold) },
      );
    expect(codeOf(await alert("PRICE_BELOW", null))).toBe("INVALID_INPUT");
    expect(codeOf(await alert("PRICE_BELOW", 10, "TRIGGERED"))).toBe("INVALID_INPUT");
    const below = (await alert("PRICE_BELOW", 10)).data.createCompetitionAlert.competitionAlert.rowId;
    const observe = (price: string, at: string) =>
      gateway.data(
        t.userToken,
        `mutation($p: UUID!) { createCompetitionPriceObservation(input: { competitionPriceObservation: { productId: $p, price: "${price}", currency: "USD", observedAt: "${at}" } }) { competitionPriceObservation { rowId } } }`,
        { p: product },
      );
    await observe("12.00", "2026-03-01T00:00:00Z");
    const cheap = (await observe("9.50", "2026-03-02T00:00:00Z")).createCompetitionPriceObservation.competitionPriceObservation.rowId;
    const fired = await gateway.data(
      t.userToken,
      "query($id: UUID!) { competitionAlert(rowId: $id) { status triggeredAt observationId } }",
      {
        id: below,
      },
    );
    expect(fired.competitionAlert).toMatchObject({ status: "TRIGGERED", observationId: cheap });

    const model = (
      await gateway.data(
        t.adminToken,
        'mutation { createAiModel(input: { aiModel: { name: "embedder", provider: "local", version: "1" } }) { aiModel { rowId } } }',
      )
    ).createAiModel.aiModel.rowId;
    const embed = (vector: number[]) =>
      gateway.body(
        t.userToken,
        'mutation($m: UUID!, $v: [Float]!) { createEmbeddingsRecord(input: { embeddingsRecord: { modelId: $m, objectType: PRODUCT, objectId: "00000000-0000-4000-8000-000000000001", contentDigest: "' +
          "a".repeat(64) +
          '", dimensions: 3, embedding: $v } }) { embeddingsRecord { dimensions } } }',
        { m: model, v: vector },
      );
    const short = await embed([0.1, 0.2]);
    expect(codeOf(short)).toBe("INVALID_INPUT");
    expect(short.errors[0].message).toBe("The embedding must be a flat list of exactly `dimensions` numbers, none missing.");
    expect((await embed([0.1, 0.2, 0.3])).data.createEmbeddingsRecord.embeddingsRecord.dimensions).toBe(3);
  });
});
