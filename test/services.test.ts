import { applyPolicies } from "../src/db/migrate";
import { withUserClaims } from "../src/db/user-claims";
import { loadServicesDemo } from "../src/demo/services";
import { loadDemoInto } from "./support/demo";
import { createTenant, signIn, type TenantFixture, tenantPair, withAdmin } from "./support/fixtures";
import { type Reply, startTestGateway, type TestGateway } from "./support/gateway";

/** The platform services: ops, ledger, ai and the audit log, over GraphQL as real users. */
describe("services: API registry, ledger, AI, audit log", () => {
  let gateway: TestGateway;
  let acme: TenantFixture;
  let adminToken: string;
  let userToken: string;
  let globexAdminToken: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    ({ acme, adminToken, userToken, globexAdminToken } = await tenantPair(gateway, "Svc", "SvcOther"));
  });
  afterAll(async () => gateway.close());

  const gql = (token: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    gateway.graphql(query, { token, variables, headers });

  const ok = (reply: Reply) => {
    expect(reply.body.errors).toBeUndefined();
    return reply.body.data;
  };

  const refused = (reply: Reply, code: string, constraint?: string) => {
    expect(reply.body.errors?.[0]?.extensions?.code).toBe(code);
    // The constraint is named beside the message, which is the constraint's comment.
    if (constraint) expect(reply.body.errors[0].extensions.constraint).toBe(constraint);
  };

  const createEndpoint = (token: string, endpoint: Record<string, unknown>) =>
    gql(
      token,
      "mutation($e: ApiEndpointInput!) { createApiEndpoint(input: { apiEndpoint: $e }) { apiEndpoint { rowId name isActive } } }",
      { e: endpoint },
    );
  const createAlias = (token: string, alias: Record<string, unknown>) =>
    gql(
      token,
      "mutation($a: ApiAliasInput!) { createApiAlias(input: { apiAlias: $a }) { apiAlias { rowId createdBy endpoint { name } } } }",
      { a: alias },
    );
  const createAccount = (token: string, account: Record<string, unknown>) =>
    gql(token, "mutation($a: AccountInput!) { createAccount(input: { account: $a }) { account { rowId balance currency } } }", {
      a: account,
    });
  const createTransaction = (token: string, transaction: Record<string, unknown>) =>
    gql(
      token,
      "mutation($t: TransactionInput!) { createTransaction(input: { transaction: $t }) { transaction { rowId amount status } } }",
      { t: transaction },
    );
  const balanceOf = async (token: string, id: string): Promise<string> =>
    ok(await gql(token, "query($id: UUID!) { account(rowId: $id) { balance } }", { id })).account.balance;
  const resolve = async (token: string, alias: string, context: string) =>
    ok(
      await gql(token, "query($a: String!, $c: String!) { resolveApiAlias(alias: $a, context: $c) { rowId name } }", {
        a: alias,
        c: context,
      }),
    ).resolveApiAlias;

  let accountNumber = 0;
  const newAccount = async (token = userToken, extra: Record<string, unknown> = {}) =>
    ok(await createAccount(token, { accountName: "Operating", accountNumber: `ACC-${++accountNumber}`, accountType: "CHECKING", ...extra }))
      .createAccount.account;

  describe("API registry and alias resolution", () => {
    // Every test here may run alone or in any order: the endpoints and the
    // alias they share exist before any of them.
    beforeAll(async () => {
      ok(await createEndpoint(userToken, { name: "orders.list", path: "/v1/orders", method: "GET" }));
      ok(await createEndpoint(userToken, { name: "payments.list", path: "/v1/payments", method: "GET" }));
      ok(await createAlias(userToken, { aliasName: "orders", canonicalName: "orders.list", context: "web", aliasType: "SHORTCUT" }));
    });

    test("a user registers an endpoint and an alias; the alias records its creator from the token", async () => {
      ok(await createEndpoint(userToken, { name: "reports.list", path: "/v1/reports", method: "GET" }));
      const alias = ok(
        await createAlias(userToken, { aliasName: "reports", canonicalName: "reports.list", context: "web", aliasType: "SHORTCUT" }),
      );
      expect(alias.createApiAlias.apiAlias).toMatchObject({ createdBy: acme.users[0]!.userId, endpoint: { name: "reports.list" } });
    });

    test("createdBy cannot be sent by a client", async () => {
      const reply = await createAlias(userToken, {
        aliasName: "x",
        canonicalName: "orders.list",
        context: "web",
        aliasType: "SYNONYM",
        createdBy: acme.admin.userId,
      });
      expect(reply.body.errors[0].message).toMatch(/createdBy/);
    });

    test("resolveApiAlias returns the canonical endpoint within the context", async () => {
      expect(await resolve(userToken, "orders", "web")).toMatchObject({ name: "orders.list" });
      expect(await resolve(userToken, "orders", "mobile")).toBeNull();
      expect(await resolve(userToken, "nope", "web")).toBeNull();
    });

    test("expired and inactive aliases, and inactive endpoints, do not resolve", async () => {
      ok(await createEndpoint(userToken, { name: "invoices.list", path: "/v1/invoices", method: "GET" }));
      ok(
        await createAlias(userToken, {
          aliasName: "old-invoices",
          canonicalName: "invoices.list",
          context: "web",
          aliasType: "LEGACY",
          expiresAt: "2000-01-01T00:00:00Z",
        }),
      );
      ok(
        await createAlias(userToken, {
          aliasName: "off-invoices",
          canonicalName: "invoices.list",
          context: "web",
          aliasType: "LEGACY",
          isActive: false,
        }),
      );
      ok(
        await createAlias(userToken, {
          aliasName: "invoices",
          canonicalName: "invoices.list",
          context: "web",
          aliasType: "SHORTCUT",
          expiresAt: "2999-01-01T00:00:00Z",
        }),
      );
      expect(await resolve(userToken, "old-invoices", "web")).toBeNull();
      expect(await resolve(userToken, "off-invoices", "web")).toBeNull();
      expect(await resolve(userToken, "invoices", "web")).toMatchObject({ name: "invoices.list" });

      const endpoint = ok(await gql(userToken, '{ apiEndpoints(condition: { name: "invoices.list" }) { nodes { rowId } } }')).apiEndpoints
        .nodes[0];
      ok(
        await gql(
          userToken,
          "mutation($id: UUID!) { updateApiEndpoint(input: { rowId: $id, patch: { isActive: false } }) { apiEndpoint { isActive } } }",
          { id: endpoint.rowId },
        ),
      );
      expect(await resolve(userToken, "invoices", "web")).toBeNull();
    });

    test("another tenant's aliases never resolve", async () => {
      expect(await resolve(globexAdminToken, "orders", "web")).toBeNull();
    });

    test("renaming an endpoint carries its aliases along", async () => {
      ok(await createEndpoint(userToken, { name: "carts.get", path: "/v1/cart", method: "GET" }));
      ok(await createAlias(userToken, { aliasName: "cart", canonicalName: "carts.get", context: "web", aliasType: "SHORTCUT" }));
      const id = ok(await gql(userToken, '{ apiEndpoints(condition: { name: "carts.get" }) { nodes { rowId } } }')).apiEndpoints.nodes[0]
        .rowId;
      ok(
        await gql(
          userToken,
          'mutation($id: UUID!) { updateApiEndpoint(input: { rowId: $id, patch: { name: "baskets.get" } }) { apiEndpoint { name } } }',
          { id },
        ),
      );
      expect(await resolve(userToken, "cart", "web")).toMatchObject({ name: "baskets.get" });
    });

    test("an endpoint name is unique within the tenant, not across tenants", async () => {
      refused(await createEndpoint(userToken, { name: "orders.list", path: "/v2/orders", method: "GET" }), "CONFLICT");
      ok(await createEndpoint(globexAdminToken, { name: "orders.list", path: "/v1/orders", method: "GET" }));
    });

    test("an alias is unique within its context", async () => {
      refused(
        await createAlias(userToken, { aliasName: "orders", canonicalName: "payments.list", context: "web", aliasType: "SYNONYM" }),
        "CONFLICT",
      );
    });
  });

  describe("checks refuse bad input with a clear error", () => {
    test("endpoint path must start with /", async () => {
      refused(
        await createEndpoint(userToken, { name: "bad.path", path: "v1/x", method: "GET" }),
        "INVALID_INPUT",
        "api_endpoints_path_format",
      );
    });

    test("an alias cannot name itself", async () => {
      refused(
        await createAlias(userToken, { aliasName: "orders.list", canonicalName: "orders.list", context: "web", aliasType: "SYNONYM" }),
        "INVALID_INPUT",
        "api_aliases_distinct_names",
      );
    });

    test("an HTTP method outside the enum is refused by GraphQL", async () => {
      const reply = await createEndpoint(userToken, { name: "bad.method", path: "/x", method: "FETCH" });
      expect(reply.body.errors[0].message).toMatch(/HttpMethod/);
    });

    test("centrality score is between 0 and 1", async () => {
      const reply = await gql(
        userToken,
        'mutation { createSsotAnchor(input: { ssotAnchor: { anchorId: "a", family: "api", format: JSON, version: "1", centralityScore: "1.5" } }) { ssotAnchor { rowId } } }',
      );
      refused(reply, "INVALID_INPUT", "ssot_anchors_centrality_score_range");
    });

    test("currency must be an ISO 4217 code", async () => {
      refused(
        await createAccount(userToken, { accountName: "X", accountNumber: "C-1", accountType: "SAVINGS", currency: "usd" }),
        "INVALID_INPUT",
        "accounts_currency_format",
      );
      refused(
        await createAccount(userToken, { accountName: "X", accountNumber: "C-2", accountType: "SAVINGS", currency: "XYZ" }),
        "INVALID_REFERENCE",
        "accounts_currency_fkey",
      );
      const eur = ok(await createAccount(userToken, { accountName: "X", accountNumber: "C-3", accountType: "SAVINGS", currency: "EUR" }));
      expect(eur.createAccount.account.currency).toBe("EUR");
    });

    test("a transaction amount is positive", async () => {
      const account = await newAccount();
      refused(
        await createTransaction(userToken, { accountId: account.rowId, amount: "-5.00", transactionType: "DEPOSIT" }),
        "INVALID_INPUT",
        "transactions_amount_positive",
      );
    });

    test("capabilities are a JSON array, performance and data JSON objects, tags a JSON object", async () => {
      const model = (extra: Record<string, unknown>) =>
        gql(userToken, "mutation($m: AiModelInput!) { createAiModel(input: { aiModel: $m }) { aiModel { rowId } } }", {
          m: { name: "m", provider: "p", version: "1", ...extra },
        });
      refused(await model({ capabilities: { chat: true } }), "INVALID_INPUT", "ai_models_capabilities_array");
      refused(await model({ performance: [1, 2] }), "INVALID_INPUT", "ai_models_performance_object");
      const { rowId } = ok(await model({ capabilities: ["chat"] })).createAiModel.aiModel;
      const insight = (extra: Record<string, unknown>) =>
        gql(userToken, "mutation($i: AiInsightInput!) { createAiInsight(input: { aiInsight: $i }) { aiInsight { rowId } } }", {
          i: { modelId: rowId, insightType: "TREND", title: "t", ...extra },
        });
      refused(await insight({ data: "text" }), "INVALID_INPUT", "ai_insights_data_object");
      refused(await insight({ confidence: "1.20" }), "INVALID_INPUT", "ai_insights_confidence_range");
      ok(await insight({ confidence: "0.75", data: { a: 1 } }));
      refused(
        await gql(
          userToken,
          'mutation { createSystemMetric(input: { systemMetric: { metricName: "cpu", metricValue: "1", tags: ["x"] } }) { systemMetric { rowId } } }',
        ),
        "INVALID_INPUT",
        "system_metrics_tags_object",
      );
    });
  });

  describe("tenant boundaries", () => {
    test("a row cannot reference another tenant's row: transaction, insight and alias are refused and nothing is written", async () => {
      const foreignAccount = await newAccount(globexAdminToken);
      refused(
        await createTransaction(userToken, {
          accountId: foreignAccount.rowId,
          amount: "10.00",
          transactionType: "DEPOSIT",
          status: "COMPLETED",
        }),
        "INVALID_REFERENCE",
      );
      const foreignModel = ok(
        await gql(
          globexAdminToken,
          'mutation { createAiModel(input: { aiModel: { name: "g", provider: "p", version: "1" } }) { aiModel { rowId } } }',
        ),
      ).createAiModel.aiModel;
      refused(
        await gql(
          userToken,
          'mutation($m: UUID!) { createAiInsight(input: { aiInsight: { modelId: $m, insightType: TREND, title: "x" } }) { aiInsight { rowId } } }',
          { m: foreignModel.rowId },
        ),
        "INVALID_REFERENCE",
      );
      ok(await createEndpoint(globexAdminToken, { name: "globex.only", path: "/g", method: "GET" }));
      refused(
        await createAlias(userToken, { aliasName: "g", canonicalName: "globex.only", context: "web", aliasType: "SYNONYM" }),
        "INVALID_REFERENCE",
      );
      const written = await withAdmin(
        async (c) =>
          (
            await c.query(
              `select (select count(*) from ledger.transactions where account_id = $1)::int as transactions,
                (select count(*) from ai.ai_insights where model_id = $2)::int as insights,
                (select count(*) from ops.api_aliases where canonical_name = 'globex.only')::int as aliases`,
              [foreignAccount.rowId, foreignModel.rowId],
            )
          ).rows[0],
      );
      expect(written).toEqual({ transactions: 0, insights: 0, aliases: 0 });
      expect(await balanceOf(globexAdminToken, foreignAccount.rowId)).toBe("0.00");
    });
  });

  describe("ledger", () => {
    test("numeric money reaches GraphQL as the BigFloat scalar, an exact string", async () => {
      const types = ok(
        await gql(
          userToken,
          '{ a: __type(name: "Account") { fields { name type { ofType { name } } } } t: __type(name: "Transaction") { fields { name type { ofType { name } } } } }',
        ),
      );
      const typeOf = (fields: Array<{ name: string; type: { ofType: { name: string } } }>, name: string) =>
        fields.find((f) => f.name === name)!.type.ofType.name;
      expect(typeOf(types.a.fields, "balance")).toBe("BigFloat");
      expect(typeOf(types.t.fields, "amount")).toBe("BigFloat");

      const account = await newAccount();
      const created = ok(
        await createTransaction(userToken, {
          accountId: account.rowId,
          amount: "9999999999999.99",
          transactionType: "DEPOSIT",
          status: "COMPLETED",
        }),
      );
      expect(created.createTransaction.transaction.amount).toBe("9999999999999.99");
      const balance = await balanceOf(userToken, account.rowId);
      expect(typeof balance).toBe("string");
      expect(balance).toBe("9999999999999.99"); // 15 significant digits, carried as text
      ok(await createTransaction(userToken, { accountId: account.rowId, amount: "0.10", transactionType: "FEE", status: "COMPLETED" }));
      ok(await createTransaction(userToken, { accountId: account.rowId, amount: "0.20", transactionType: "FEE", status: "COMPLETED" }));
      expect(await balanceOf(userToken, account.rowId)).toBe("9999999999999.69");
    });

    test("balance is not writable by any client", async () => {
      const inputs = ok(
        await gql(
          userToken,
          '{ i: __type(name: "AccountInput") { inputFields { name } } p: __type(name: "AccountPatch") { inputFields { name } } }',
        ),
      );
      expect(inputs.i.inputFields.map((f: { name: string }) => f.name)).not.toContain("balance");
      expect(inputs.p.inputFields.map((f: { name: string }) => f.name)).not.toContain("balance");
      const account = await newAccount();
      const reply = await gql(
        adminToken,
        'mutation($id: UUID!) { updateAccount(input: { rowId: $id, patch: { balance: "1000000.00" } }) { account { balance } } }',
        { id: account.rowId },
      );
      expect(reply.body.errors).toBeDefined();
      expect(await balanceOf(userToken, account.rowId)).toBe("0.00");
    });

    test("only completed transactions move the balance: credit, debit, status change and delete", async () => {
      const account = await newAccount();
      const deposit = ok(await createTransaction(userToken, { accountId: account.rowId, amount: "100.50", transactionType: "DEPOSIT" }))
        .createTransaction.transaction;
      expect(deposit.status).toBe("PENDING");
      expect(await balanceOf(userToken, account.rowId)).toBe("0.00");
      const setStatus = (token: string, id: string, status: string) =>
        gql(
          token,
          "mutation($id: UUID!, $s: TransactionStatus!) { updateTransaction(input: { rowId: $id, patch: { status: $s } }) { transaction { status } } }",
          { id, s: status },
        );
      ok(await setStatus(userToken, deposit.rowId, "COMPLETED"));
      expect(await balanceOf(userToken, account.rowId)).toBe("100.50");
      const payment = ok(
        await createTransaction(userToken, { accountId: account.rowId, amount: "40.25", transactionType: "PAYMENT", status: "COMPLETED" }),
      ).createTransaction.transaction;
      expect(await balanceOf(userToken, account.rowId)).toBe("60.25");
      ok(
        await gql(
          userToken,
          'mutation($id: UUID!) { updateTransaction(input: { rowId: $id, patch: { amount: "50.25" } }) { transaction { amount } } }',
          { id: payment.rowId },
        ),
      );
      expect(await balanceOf(userToken, account.rowId)).toBe("50.25");
      ok(await setStatus(userToken, payment.rowId, "CANCELLED"));
      expect(await balanceOf(userToken, account.rowId)).toBe("100.50");
      ok(
        await gql(adminToken, "mutation($id: UUID!) { deleteTransaction(input: { rowId: $id }) { transaction { rowId } } }", {
          id: deposit.rowId,
        }),
      );
      expect(await balanceOf(userToken, account.rowId)).toBe("0.00");
    });

    test("an account with transactions cannot be deleted", async () => {
      const account = await newAccount();
      ok(await createTransaction(userToken, { accountId: account.rowId, amount: "1.00", transactionType: "DEPOSIT" }));
      refused(
        await gql(adminToken, "mutation($id: UUID!) { deleteAccount(input: { rowId: $id }) { account { rowId } } }", { id: account.rowId }),
        "INVALID_REFERENCE",
      );
    });

    test("20 concurrent postings to one account lose no update", async () => {
      const account = await newAccount();
      const amounts = Array.from({ length: 20 }, (_, i) => `${i + 1}.${String((i * 7) % 100).padStart(2, "0")}`);
      const replies = await Promise.all(
        amounts.map((amount, i) =>
          createTransaction(i % 2 ? adminToken : userToken, {
            accountId: account.rowId,
            amount,
            transactionType: "DEPOSIT",
            status: "COMPLETED",
          }),
        ),
      );
      for (const reply of replies) ok(reply);
      const cents = amounts.reduce((sum, amount) => sum + Math.round(Number(amount) * 100), 0);
      const expected = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
      expect(await balanceOf(userToken, account.rowId)).toBe(expected);
      const stored = await withAdmin(
        async (c) =>
          (
            await c.query(
              "select a.balance::text as balance, (select sum(amount) from ledger.transactions t where t.account_id = a.id)::text as total from ledger.accounts a where a.id = $1",
              [account.rowId],
            )
          ).rows[0],
      );
      expect(stored).toEqual({ balance: expected, total: expected });
    });

    test("currencies are readable by every user and writable by none", async () => {
      const list = ok(await gql(userToken, '{ currencies(condition: { code: "EUR" }) { nodes { code name minorUnit } } }'));
      expect(list.currencies.nodes).toEqual([{ code: "EUR", name: "Euro", minorUnit: 2 }]);
      const mutations = ok(await gql(adminToken, '{ __type(name: "Mutation") { fields { name } } }')).__type.fields.map(
        (f: { name: string }) => f.name,
      );
      expect(mutations.filter((name: string) => /currenc/i.test(name))).toEqual([]);
    });
  });

  describe("alerts", () => {
    test("acknowledging and resolving record who and when from the token", async () => {
      const alert = ok(
        await gql(
          userToken,
          'mutation { createAlert(input: { alert: { alertName: "DiskFull", severity: CRITICAL, message: "Disk at 95%." } }) { alert { rowId status acknowledgedBy } } }',
        ),
      ).createAlert.alert;
      expect(alert).toMatchObject({ status: "ACTIVE", acknowledgedBy: null });
      const update = (status: string) =>
        gql(
          adminToken,
          "mutation($id: UUID!, $s: AlertStatus!) { updateAlert(input: { rowId: $id, patch: { status: $s } }) { alert { status acknowledgedBy acknowledgedAt resolvedAt } } }",
          { id: alert.rowId, s: status },
        );
      const acknowledged = ok(await update("ACKNOWLEDGED")).updateAlert.alert;
      expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: acme.admin.userId, resolvedAt: null });
      expect(acknowledged.acknowledgedAt).not.toBeNull();
      const resolved = ok(await update("RESOLVED")).updateAlert.alert;
      expect(resolved).toMatchObject({ status: "RESOLVED", acknowledgedBy: acme.admin.userId });
      expect(resolved.resolvedAt).not.toBeNull();
    });
  });

  describe("audit log", () => {
    const auditQuery = `query($table: String!, $record: UUID!) {
      auditLogs(condition: { tableName: $table, recordId: $record }, orderBy: CHANGED_AT_ASC) {
        nodes { action oldValues newValues changedBy ipAddress userAgent tableName }
      }
    }`;
    const auditOf = async (token: string, table: string, record: string) =>
      ok(await gql(token, auditQuery, { table, record })).auditLogs.nodes as Array<Record<string, any>>;

    test("a change made through GraphQL is logged with old and new values, the user, IP and user agent, without secrets", async () => {
      const user = acme.users[0]!;
      ok(
        await gql(
          userToken,
          'mutation($id: UUID!) { updateUser(input: { rowId: $id, patch: { firstName: "Grace" } }) { user { firstName } } }',
          { id: user.userId },
          { "user-agent": "audit-test/1.0" },
        ),
      );
      const entries = (await auditOf(adminToken, "platform.users", user.userId)).filter(
        (e) => e.action === "UPDATE" && e.newValues.first_name === "Grace",
      );
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry!.oldValues.first_name).toBeNull();
      expect(entry!.newValues.email).toBe(user.email);
      expect(entry!.changedBy).toBe(user.userId);
      expect(entry!.ipAddress).toMatch(/127\.0\.0\.1/);
      expect(entry!.userAgent).toBe("audit-test/1.0");
      for (const values of [entry!.oldValues, entry!.newValues]) {
        expect(Object.keys(values).filter((key) => /password|token|secret|hash/i.test(key))).toEqual([]);
      }
      const stored = await withAdmin(
        async (c) =>
          (
            await c.query(
              "select count(*)::int as n from audit.audit_logs where table_name = 'platform.users' and (old_values::text ~* 'password_hash|argon2' or new_values::text ~* 'password_hash|argon2')",
            )
          ).rows[0].n,
      );
      expect(stored).toBe(0);
    });

    test("insert, update and delete of a module's row are each logged", async () => {
      const { rowId } = ok(await createEndpoint(adminToken, { name: "audit.me", path: "/audit", method: "POST" })).createApiEndpoint
        .apiEndpoint;
      ok(
        await gql(
          adminToken,
          'mutation($id: UUID!) { updateApiEndpoint(input: { rowId: $id, patch: { path: "/audited" } }) { apiEndpoint { path } } }',
          { id: rowId },
        ),
      );
      ok(
        await gql(adminToken, "mutation($id: UUID!) { deleteApiEndpoint(input: { rowId: $id }) { apiEndpoint { rowId } } }", { id: rowId }),
      );
      const entries = await auditOf(adminToken, "ops.api_endpoints", rowId);
      expect(entries.map((e) => e.action)).toEqual(["INSERT", "UPDATE", "DELETE"]);
      expect(entries[0]).toMatchObject({
        oldValues: null,
        newValues: expect.objectContaining({ path: "/audit" }),
        changedBy: acme.admin.userId,
      });
      expect(entries[1]).toMatchObject({
        oldValues: expect.objectContaining({ path: "/audit" }),
        newValues: expect.objectContaining({ path: "/audited" }),
      });
      expect(entries[2]).toMatchObject({ oldValues: expect.objectContaining({ path: "/audited" }), newValues: null });
    });

    test("a plain user cannot read the audit log; an admin reads only their own tenant's", async () => {
      // Something of this tenant's to be logged, whatever ran before.
      ok(await createEndpoint(adminToken, { name: "audit.read", path: "/audit-read", method: "GET" }));
      const asUser = ok(await gql(userToken, "{ auditLogs { totalCount } }"));
      expect(asUser.auditLogs.totalCount).toBe(0);
      const tenants = ok(await gql(adminToken, "{ auditLogs(first: 1000) { totalCount nodes { tenantId } } }")).auditLogs;
      expect(tenants.totalCount).toBeGreaterThan(0);
      expect(tenants.nodes.every((n: { tenantId: string }) => n.tenantId === acme.tenantId)).toBe(true);
    });

    test("nobody can write the audit log through GraphQL, or as the request role in SQL", async () => {
      const mutations = ok(await gql(adminToken, '{ __type(name: "Mutation") { fields { name } } }')).__type.fields.map(
        (f: { name: string }) => f.name,
      );
      expect(mutations.filter((name: string) => /auditLog/i.test(name))).toEqual([]);
      const codes = await withAdmin(async (c) => {
        const result: string[] = [];
        for (const sql of [
          `insert into audit.audit_logs (tenant_id, table_name, record_id, action, new_values) values ('${acme.tenantId}', 'x', gen_random_uuid(), 'insert', '{}')`,
          "update audit.audit_logs set user_agent = 'forged'",
          "delete from audit.audit_logs",
        ]) {
          try {
            await withUserClaims(c, { tenantId: acme.tenantId, userId: acme.admin.userId }, (client) => client.query(sql));
            result.push("allowed");
          } catch (error) {
            result.push((error as { code: string }).code);
          }
        }
        return result;
      });
      expect(codes).toEqual(["42501", "42501", "42501"]);
    });

    test("every tenant table carries the audit trigger, except the host's token bookkeeping", async () => {
      const rows = await withAdmin(
        async (c) =>
          (
            await c.query(`
        select format('%s.%s', n.nspname, c.relname) as name,
               exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = '_900_audit') as audited
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and pg_get_userbyid(c.relowner) = 'nexus_owner'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by 1`)
          ).rows as Array<{ name: string; audited: boolean }>,
      );
      const unaudited = [
        "audit.audit_logs",
        "platform.mail_outbox",
        "platform.refresh_tokens",
        "platform.revoked_tokens",
        "platform.user_sessions",
      ];
      expect(
        rows
          .filter((r) => !r.audited)
          .map((r) => r.name)
          .sort(),
      ).toEqual(unaudited);
      expect(rows.filter((r) => r.audited).map((r) => r.name)).toEqual(
        expect.arrayContaining(["platform.users", "ledger.transactions", "ops.alerts", "ai.ai_models"]),
      );
    });

    test("a table created after this migration is audited once policies are re-applied, with no trigger code change", async () => {
      const adminUrl = process.env.NEXUS_TEST_ADMIN_URL!;
      await withAdmin(async (c) => {
        await c.query("create schema audit_scratch authorization nexus_owner");
        await c.query(
          "create table audit_scratch.widgets (id uuid primary key default gen_random_uuid(), tenant_id uuid not null references platform.tenants (id), label text)",
        );
        await c.query("alter table audit_scratch.widgets owner to nexus_owner");
      });
      try {
        await applyPolicies(adminUrl);
        const logged = await withAdmin(async (c) => {
          const trigger = await c.query(
            "select 1 from pg_trigger where tgrelid = 'audit_scratch.widgets'::regclass and tgname = '_900_audit'",
          );
          await c.query("begin");
          await c.query("select set_config('jwt.claims.tenant_id', $1, true), set_config('jwt.claims.user_id', $2, true)", [
            acme.tenantId,
            acme.admin.userId,
          ]);
          const {
            rows: [widget],
          } = await c.query("insert into audit_scratch.widgets (tenant_id, label) values ($1, 'first') returning id", [acme.tenantId]);
          await c.query("update audit_scratch.widgets set label = 'second'");
          await c.query("commit");
          const { rows } = await c.query(
            "select action::text, new_values ->> 'label' as label, changed_by from audit.audit_logs where table_name = 'audit_scratch.widgets' and record_id = $1 order by action",
            [widget.id],
          );
          return { attached: trigger.rowCount, rows };
        });
        expect(logged.attached).toBe(1);
        expect(logged.rows).toEqual([
          { action: "insert", label: "first", changed_by: acme.admin.userId },
          { action: "update", label: "second", changed_by: acme.admin.userId },
        ]);
      } finally {
        await withAdmin(async (c) => {
          await c.query("drop schema audit_scratch cascade");
          await c.query("delete from audit.audit_logs where table_name = 'audit_scratch.widgets'");
        });
      }
    });
  });

  test("the demo loader writes records the tenant's users see through GraphQL", async () => {
    const fresh = await createTenant("SvcDemo", 1);
    await loadDemoInto(fresh, loadServicesDemo);
    const token = (await signIn(gateway, fresh.users[0]!.email)).accessToken;
    const data = ok(
      await gql(
        token,
        `{
      apiEndpoints { totalCount } apiAliases { totalCount } ssotAnchors { nodes { family } }
      accounts { nodes { balance transactions { totalCount } } }
      aiModels { nodes { name aiInsights { totalCount } } }
      systemMetrics { totalCount } alerts { nodes { status } }
      resolveApiAlias(alias: "ping", context: "web") { name }
    }`,
      ),
    );
    expect(data.apiEndpoints.totalCount).toBeGreaterThanOrEqual(5);
    expect(data.apiAliases.totalCount).toBeGreaterThanOrEqual(3);
    expect(data.ssotAnchors.nodes.map((n: { family: string }) => n.family).sort()).toEqual([
      "api",
      "docker",
      "environment",
      "kubernetes",
      "monitoring",
    ]);
    expect(data.accounts.nodes).toEqual([{ balance: "23714.51", transactions: { totalCount: 4 } }]);
    expect(data.aiModels.nodes).toEqual([{ name: "support-assistant", aiInsights: { totalCount: 1 } }]);
    expect(data.systemMetrics.totalCount).toBe(3);
    expect(data.alerts.nodes).toEqual([{ status: "ACTIVE" }]);
    expect(data.resolveApiAlias).toEqual({ name: "health.check" });
  });
});
