/**
 * The written questions of docs/access-paths.md, as GraphQL: each names the
 * table it reads, the index that answers it, and what its answer must
 * satisfy on the demo data. test/everyday-queries.test.ts runs each one on
 * the demo data and checks the plan of each with 100,000 rows in the
 * table.
 */
export interface Question {
  module: string;
  question: string;
  /** schema.table the question reads. */
  table: string;
  /** The index that answers it (tenant_id first). */
  index: string;
  query: string;
  /** The rows of the answer (the first connection's nodes). */
  rows(data: any): any[];
  /** What every answer must satisfy; `rows` is non-empty on the demo data unless `mayBeEmpty`. */
  check?(rows: any[], data: any): void;
  mayBeEmpty?: boolean;
  /**
   * An aggregate over all of the tenant's rows: it reads them all, through
   * the tenant's index when the tenant is a small part of the table, by a
   * scan when the tenant is most of it (as in the plan test).
   */
  wholeTenant?: boolean;
}

const nodes = (field: string) => (data: any) => data[field].nodes as any[];

function sorted<T>(values: T[], direction: "asc" | "desc"): boolean {
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1]!, values[i]!];
    if (a === null || b === null) continue;
    if (direction === "asc" ? a > b : a < b) return false;
  }
  return true;
}

/** Groups of an enum column are keyed by the GraphQL enum value (`PAID`), the one a filter takes back. */
function enumKeys(rows: any[]): void {
  for (const group of rows)
    if (!/^[A-Z][A-Z0-9_]*$/.test(group.keys[0])) throw new Error(`group key ${JSON.stringify(group.keys[0])} is not an enum value`);
}

export function expectSorted(values: unknown[], direction: "asc" | "desc"): void {
  if (!sorted(values as string[], direction)) throw new Error(`not ${direction}: ${JSON.stringify(values)}`);
}

function expectAll(rows: any[], predicate: (row: any) => boolean, what: string): void {
  const bad = rows.filter((row) => !predicate(row));
  if (bad.length > 0) throw new Error(`${what}: ${JSON.stringify(bad.slice(0, 3))}`);
}

export const QUESTIONS: Question[] = [
  // platform
  {
    module: "platform",
    question: "Users directory by last name",
    table: "platform.users",
    index: "users_last_name_idx",
    query: "{ users(orderBy: [LAST_NAME_ASC], first: 20) { nodes { email lastName } } }",
    rows: nodes("users"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.lastName),
        "asc",
      ),
  },
  {
    module: "platform",
    question: "Find a user by part of the email",
    table: "platform.users",
    index: "users_email_trgm_idx",
    query: '{ users(filter: { email: { includesInsensitive: "ADMIN@" } }) { nodes { email } } }',
    rows: nodes("users"),
    check: (rows) => expectAll(rows, (r) => r.email.toLowerCase().includes("admin@"), "email contains admin@"),
  },
  {
    module: "platform",
    question: "Newest users first",
    table: "platform.users",
    index: "users_created_at_idx",
    query: "{ users(orderBy: [CREATED_AT_DESC], first: 10) { nodes { createdAt } } }",
    rows: nodes("users"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.createdAt)),
        "desc",
      ),
  },
  {
    module: "platform",
    question: "My sessions, most recently seen first",
    table: "platform.user_sessions",
    index: "user_sessions_last_seen_at_idx",
    query: "{ userSessions(orderBy: [LAST_SEEN_AT_DESC], first: 10) { nodes { lastSeenAt userId } } }",
    rows: nodes("userSessions"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.lastSeenAt)),
        "desc",
      ),
  },
  {
    module: "platform",
    question: "Groups recently changed",
    table: "platform.user_groups",
    index: "user_groups_updated_at_idx",
    query: "{ userGroups(orderBy: [UPDATED_AT_DESC]) { nodes { name updatedAt } } }",
    rows: nodes("userGroups"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.updatedAt)),
        "desc",
      ),
  },
  // census
  {
    module: "census",
    question: "People by last name (their identities)",
    table: "census.identities",
    index: "identities_last_name_idx",
    query: "{ identities(orderBy: [LAST_NAME_ASC], first: 20) { nodes { lastName firstName } } }",
    rows: nodes("identities"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.lastName),
        "asc",
      ),
  },
  {
    module: "census",
    question: "Find a person by part of the last name",
    table: "census.identities",
    index: "identities_last_name_trgm_idx",
    query: '{ identities(filter: { lastName: { startsWithInsensitive: "a" } }) { nodes { lastName } } }',
    rows: nodes("identities"),
    check: (rows) => expectAll(rows, (r) => r.lastName.toLowerCase().startsWith("a"), "last name starts with a"),
    mayBeEmpty: true,
  },
  {
    module: "census",
    question: "Schools by name",
    table: "census.schools",
    index: "schools_name_trgm_idx",
    query: '{ schools(filter: { name: { includesInsensitive: "school" } }) { nodes { name } } }',
    rows: nodes("schools"),
    check: (rows) => expectAll(rows, (r) => /school/i.test(r.name), "name contains school"),
    mayBeEmpty: true,
  },
  // assets
  {
    module: "assets",
    question: "Assets by serial number, part typed in the search box",
    table: "assets.assets",
    index: "assets_serial_number_trgm_idx",
    query: '{ assets(filter: { serialNumber: { includesInsensitive: "lt-1" } }) { nodes { serialNumber } } }',
    rows: nodes("assets"),
    check: (rows) => expectAll(rows, (r) => r.serialNumber.toLowerCase().includes("lt-1"), "serial contains lt-1"),
  },
  {
    module: "assets",
    question: "Assets by name, alphabetical",
    table: "assets.assets",
    index: "assets_name_idx",
    query: "{ assets(orderBy: [NAME_ASC], first: 20) { nodes { name } } }",
    rows: nodes("assets"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.name),
        "asc",
      ),
  },
  {
    module: "assets",
    question: "Find an asset by part of its name",
    table: "assets.assets",
    index: "assets_name_trgm_idx",
    query: '{ assets(filter: { name: { includesInsensitive: "laptop" } }, orderBy: [NAME_ASC]) { nodes { name } } }',
    rows: nodes("assets"),
    check: (rows) => expectAll(rows, (r) => /laptop/i.test(r.name), "name contains laptop"),
  },
  {
    module: "assets",
    question: "Newest assets first",
    table: "assets.assets",
    index: "assets_created_at_idx",
    query: "{ assets(orderBy: [CREATED_AT_DESC], first: 10) { nodes { createdAt } } }",
    rows: nodes("assets"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.createdAt)),
        "desc",
      ),
  },
  {
    module: "assets",
    question: "Open repairs by priority",
    table: "assets.asset_repairs",
    index: "asset_repairs_status_priority_idx",
    query: "{ assetRepairs(filter: { status: { in: [OPEN, IN_PROGRESS] } }, orderBy: [PRIORITY_DESC]) { nodes { status priority } } }",
    rows: nodes("assetRepairs"),
    check: (rows) => expectAll(rows, (r) => ["OPEN", "IN_PROGRESS"].includes(r.status), "open or in progress"),
  },
  {
    module: "assets",
    question: "Repairs by age (oldest report first)",
    table: "assets.asset_repairs",
    index: "asset_repairs_reported_at_idx",
    query: "{ assetRepairs(orderBy: [REPORTED_AT_ASC]) { nodes { reportedAt } } }",
    rows: nodes("assetRepairs"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.reportedAt)),
        "asc",
      ),
  },
  {
    module: "assets",
    question: "Search repair descriptions",
    table: "assets.asset_repairs",
    index: "asset_repairs_search_idx",
    query: '{ searchAssetRepairs(query: "screen") { nodes { title description } } }',
    rows: nodes("searchAssetRepairs"),
    check: (rows) => expectAll(rows, (r) => /screen/i.test(`${r.title} ${r.description}`), "mentions screen"),
    mayBeEmpty: true,
  },
  {
    module: "assets",
    question: "Models by name",
    table: "assets.asset_models",
    index: "asset_models_name_idx",
    query: "{ assetModels(orderBy: [NAME_ASC]) { nodes { name } } }",
    rows: nodes("assetModels"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.name),
        "asc",
      ),
  },
  {
    module: "assets",
    question: "Repairs per status (analysts)",
    table: "assets.asset_repairs",
    index: "asset_repairs_status_priority_idx",
    wholeTenant: true,
    query: "{ assetRepairs { totalCount groupedAggregates(groupBy: [STATUS]) { keys distinctCount { rowId } } } }",
    rows: (data) => data.assetRepairs.groupedAggregates,
    check: (rows, data) => {
      const total = rows.reduce((sum: number, g: any) => sum + Number(g.distinctCount.rowId), 0);
      if (total !== data.assetRepairs.totalCount) throw new Error(`groups sum to ${total}, not ${data.assetRepairs.totalCount}`);
      enumKeys(rows);
    },
  },
  // locations
  {
    module: "locations",
    question: "The location tree by name (top level, then children)",
    table: "locations.locations",
    index: "locations_parent_idx",
    query:
      "{ locations(condition: { parentId: null }, orderBy: [NAME_ASC], first: 50) { nodes { name children(orderBy: [NAME_ASC], first: 50) { nodes { name } } } } }",
    rows: nodes("locations"),
    check: (rows) =>
      rows.forEach((r) =>
        expectSorted(
          r.children.nodes.map((c: any) => c.name),
          "asc",
        ),
      ),
  },
  {
    module: "locations",
    question: "Find a location by part of its name",
    table: "locations.locations",
    index: "locations_name_trgm_idx",
    query: '{ locations(filter: { name: { includesInsensitive: "room" } }) { nodes { name } } }',
    rows: nodes("locations"),
    check: (rows) => expectAll(rows, (r) => /room/i.test(r.name), "name contains room"),
    mayBeEmpty: true,
  },
  // ITSM
  {
    module: "itsm",
    question: "Open issues, newest first",
    table: "public.issues",
    index: "issues_created_at_idx",
    query: "{ issues(filter: { status: { equalTo: OPEN } }, orderBy: [CREATED_AT_DESC]) { nodes { status createdAt } } }",
    rows: nodes("issues"),
    check: (rows) => {
      expectAll(rows, (r) => r.status === "OPEN", "open");
      expectSorted(
        rows.map((r) => Date.parse(r.createdAt)),
        "desc",
      );
    },
  },
  {
    module: "itsm",
    question: "Issues by priority",
    table: "public.issues",
    index: "issues_priority_idx",
    query: "{ issues(orderBy: [PRIORITY_DESC, CREATED_AT_ASC]) { nodes { priority } } }",
    rows: nodes("issues"),
  },
  {
    module: "itsm",
    question: "Issues due soon",
    table: "public.issues",
    index: "issues_due_date_idx",
    query: "{ issues(filter: { dueDate: { isNull: false } }, orderBy: [DUE_DATE_ASC]) { nodes { dueDate } } }",
    rows: nodes("issues"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.dueDate),
        "asc",
      ),
    mayBeEmpty: true,
  },
  {
    module: "itsm",
    question: "Search issues by words of title and description",
    table: "public.issues",
    index: "issues_search_idx",
    query: '{ searchIssues(query: "laptop") { nodes { title description } } }',
    rows: nodes("searchIssues"),
    check: (rows) => expectAll(rows, (r) => /laptop/i.test(`${r.title} ${r.description}`), "mentions laptop"),
  },
  {
    module: "itsm",
    question: "Find an issue by part of its title",
    table: "public.issues",
    index: "issues_title_trgm_idx",
    query: '{ issues(filter: { title: { includesInsensitive: "LAPTOP" } }) { nodes { title } } }',
    rows: nodes("issues"),
    check: (rows) => expectAll(rows, (r) => /laptop/i.test(r.title), "title contains laptop"),
  },
  {
    module: "itsm",
    question: "Configuration items by status",
    table: "public.configuration_items",
    index: "configuration_items_status_idx",
    query: "{ configurationItems(orderBy: [STATUS_ASC]) { nodes { name status } } }",
    rows: nodes("configurationItems"),
  },
  // school: campus
  {
    module: "campus",
    question: "Students by last name",
    table: "campus.students",
    index: "students_last_name_idx",
    query: "{ students(orderBy: [LAST_NAME_ASC], first: 50) { nodes { lastName } } }",
    rows: nodes("students"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.lastName),
        "asc",
      ),
  },
  {
    module: "campus",
    question: "Roster of a campus by last name",
    table: "campus.students",
    index: "students_campus_last_name_idx",
    query: "{ campuses(first: 1) { nodes { students(orderBy: [LAST_NAME_ASC]) { nodes { lastName } } } } }",
    rows: (data) => data.campuses.nodes[0].students.nodes,
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.lastName),
        "asc",
      ),
  },
  {
    module: "campus",
    question: "Enrolled students",
    table: "campus.students",
    index: "students_status_idx",
    query: "{ students(filter: { status: { equalTo: ENROLLED } }, orderBy: [LAST_NAME_ASC]) { nodes { status } } }",
    rows: nodes("students"),
    check: (rows) => expectAll(rows, (r) => r.status === "ENROLLED", "enrolled"),
  },
  {
    module: "campus",
    question: "Find a student by part of the name or by student number",
    table: "campus.students",
    index: "students_last_name_trgm_idx",
    query:
      '{ students(filter: { or: [{ lastName: { includesInsensitive: "e" } }, { studentNumber: { startsWithInsensitive: "S" } }] }) { nodes { lastName studentNumber } } }',
    rows: nodes("students"),
    check: (rows) => expectAll(rows, (r) => /e/i.test(r.lastName) || /^s/i.test(r.studentNumber ?? ""), "matches"),
  },
  {
    module: "campus",
    question: "Guardians by name",
    table: "campus.guardians",
    index: "guardians_full_name_trgm_idx",
    query: '{ guardians(filter: { fullName: { includesInsensitive: "a" } }) { nodes { fullName } } }',
    rows: nodes("guardians"),
    check: (rows) => expectAll(rows, (r) => /a/i.test(r.fullName), "name contains a"),
    mayBeEmpty: true,
  },
  {
    module: "campus",
    question: "Staff by status",
    table: "campus.staff",
    index: "staff_status_idx",
    query: "{ staffMembers(orderBy: [STATUS_ASC]) { nodes { status } } }",
    rows: nodes("staffMembers"),
    mayBeEmpty: true,
  },
  // academics and attendance
  {
    module: "academics",
    question: "Results of a student, newest first",
    table: "academics.assessment_results",
    index: "assessment_results_student_idx",
    query: "{ students(first: 5) { nodes { assessmentResults(orderBy: [CREATED_AT_DESC]) { nodes { score createdAt } } } } }",
    rows: (data) => data.students.nodes.flatMap((s: any) => s.assessmentResults.nodes),
    mayBeEmpty: true,
  },
  {
    module: "academics",
    question: "Assessments due, by due date",
    table: "academics.assessments",
    index: "assessments_due_at_idx",
    query: "{ assessments(orderBy: [DUE_AT_ASC]) { nodes { dueAt status } } }",
    rows: nodes("assessments"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.dueAt && Date.parse(r.dueAt)),
        "asc",
      ),
    mayBeEmpty: true,
  },
  {
    module: "attendance",
    question: "Attendance of a class on a day",
    table: "attendance.attendance_sessions",
    index: "attendance_sessions_class_date_idx",
    query:
      "{ classes(first: 3) { nodes { attendanceSessions(orderBy: [SESSION_DATE_DESC], first: 1) { nodes { sessionDate attendanceRecords(first: 100) { nodes { status } } } } } } }",
    rows: (data) => data.classes.nodes.flatMap((c: any) => c.attendanceSessions.nodes),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.sessionDate)),
        "desc",
      ),
    mayBeEmpty: true,
  },
  {
    module: "attendance",
    question: "Absences of a student over a term",
    table: "attendance.attendance_records",
    index: "attendance_records_student_status_idx",
    query: "{ students(first: 5) { nodes { attendanceRecords(filter: { status: { equalTo: ABSENT } }) { nodes { status } } } } }",
    rows: (data) => data.students.nodes.flatMap((s: any) => s.attendanceRecords.nodes),
    check: (rows) => expectAll(rows, (r) => r.status === "ABSENT", "absent"),
    mayBeEmpty: true,
  },
  {
    module: "attendance",
    question: "Attendance sessions of a period",
    table: "attendance.attendance_sessions",
    index: "attendance_sessions_session_date_idx",
    query:
      '{ attendanceSessions(filter: { sessionDate: { greaterThanOrEqualTo: "2000-01-01T00:00:00Z" } }, orderBy: [SESSION_DATE_ASC]) { nodes { sessionDate } } }',
    rows: nodes("attendanceSessions"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.sessionDate)),
        "asc",
      ),
    mayBeEmpty: true,
  },
  // billing
  {
    module: "billing",
    question: "Unpaid and overdue invoices by due date",
    table: "billing.invoices",
    index: "invoices_status_due_date_idx",
    query:
      "{ invoices(filter: { status: { in: [ISSUED, PARTIALLY_PAID, OVERDUE] } }, orderBy: [DUE_DATE_ASC]) { nodes { status dueDate balanceDue } } }",
    rows: nodes("invoices"),
    check: (rows) => {
      expectAll(rows, (r) => ["ISSUED", "PARTIALLY_PAID", "OVERDUE"].includes(r.status), "unpaid");
      expectSorted(
        rows.map((r) => r.dueDate && Date.parse(r.dueDate)),
        "asc",
      );
    },
  },
  {
    module: "billing",
    question: "Find an invoice by part of its number",
    table: "billing.invoices",
    index: "invoices_invoice_number_trgm_idx",
    query: '{ invoices(filter: { invoiceNumber: { includesInsensitive: "inv" } }) { nodes { invoiceNumber } } }',
    rows: nodes("invoices"),
    check: (rows) => expectAll(rows, (r) => /inv/i.test(r.invoiceNumber), "number contains inv"),
  },
  {
    module: "billing",
    question: "Invoice totals by status (analysts)",
    table: "billing.invoices",
    index: "invoices_status_due_date_idx",
    wholeTenant: true,
    query: "{ invoices { groupedAggregates(groupBy: [STATUS]) { keys sum { totalAmount } } } }",
    rows: (data) => data.invoices.groupedAggregates,
    check: enumKeys,
  },
  {
    module: "billing",
    question: "Payments in a period, newest first",
    table: "billing.payments",
    index: "payments_paid_at_idx",
    query:
      '{ payments(filter: { paidAt: { greaterThanOrEqualTo: "2000-01-01T00:00:00Z", lessThan: "2100-01-01T00:00:00Z" } }, orderBy: [PAID_AT_DESC]) { nodes { paidAt amount } } }',
    rows: nodes("payments"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.paidAt)),
        "desc",
      ),
  },
  {
    module: "billing",
    question: "Payments per month (analysts)",
    table: "billing.payments",
    index: "payments_paid_at_idx",
    wholeTenant: true,
    query: "{ payments { groupedAggregates(groupBy: [PAID_AT_TRUNCATED_TO_MONTH]) { keys sum { amount } } } }",
    rows: (data) => data.payments.groupedAggregates,
    check: (rows) => expectAll(rows, (g) => /-01T00:00:00/.test(g.keys[0]), "first of a month"),
  },
  // messaging and content
  {
    module: "messaging",
    question: "Inbox newest first",
    table: "messaging.messages",
    index: "messages_sent_at_idx",
    query: "{ messages(orderBy: [SENT_AT_DESC], first: 20) { nodes { subject sentAt } } }",
    rows: nodes("messages"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.sentAt && Date.parse(r.sentAt)),
        "desc",
      ),
  },
  {
    module: "messaging",
    question: "Search message subjects and bodies",
    table: "messaging.messages",
    index: "messages_search_idx",
    query: '{ searchMessages(query: "school") { nodes { subject body } } }',
    rows: nodes("searchMessages"),
    check: (rows) => expectAll(rows, (r) => /school/i.test(`${r.subject} ${r.body}`), "mentions school"),
    mayBeEmpty: true,
  },
  {
    module: "content",
    question: "Documents by category, newest first",
    table: "content.documents",
    index: "documents_category_created_at_idx",
    query: "{ documents(orderBy: [CATEGORY_ASC, CREATED_AT_DESC]) { nodes { name category } } }",
    rows: nodes("documents"),
    mayBeEmpty: true,
  },
  // services
  {
    module: "ops",
    question: "Active alerts by severity",
    table: "ops.alerts",
    index: "idx_alerts_severity",
    query: "{ alerts(filter: { status: { equalTo: ACTIVE } }, orderBy: [SEVERITY_DESC]) { nodes { status severity } } }",
    rows: nodes("alerts"),
    check: (rows) => expectAll(rows, (r) => r.status === "ACTIVE", "active"),
  },
  {
    module: "ops",
    question: "Endpoints by path",
    table: "ops.api_endpoints",
    index: "api_endpoints_path_trgm_idx",
    query: '{ apiEndpoints(filter: { path: { startsWithInsensitive: "/" } }, orderBy: [PATH_ASC]) { nodes { path } } }',
    rows: nodes("apiEndpoints"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.path),
        "asc",
      ),
  },
  {
    module: "ledger",
    question: "An account's transactions by date",
    table: "ledger.transactions",
    index: "transactions_account_date_idx",
    query: "{ accounts(first: 3) { nodes { transactions(orderBy: [TRANSACTION_DATE_DESC]) { nodes { transactionDate amount } } } } }",
    rows: (data) => data.accounts.nodes.flatMap((a: any) => a.transactions.nodes),
    check: (rows) => expectAll(rows, (r) => typeof r.amount === "string", "amount"),
  },
  {
    module: "audit",
    question: "The audit log, newest first",
    table: "audit.audit_logs",
    index: "idx_audit_logs_changed_at",
    query: "{ auditLogs(orderBy: [CHANGED_AT_DESC], first: 20) { nodes { tableName changedAt } } }",
    rows: nodes("auditLogs"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.changedAt)),
        "desc",
      ),
  },
  // crm
  {
    module: "crm",
    question: "Customers by name",
    table: "crm.customers",
    index: "customers_display_name_idx",
    query: "{ customers(orderBy: [DISPLAY_NAME_ASC], first: 20) { nodes { displayName } } }",
    rows: nodes("customers"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.displayName),
        "asc",
      ),
  },
  // inventory
  {
    module: "inventory",
    question: "Variants by SKU",
    table: "inventory.inventory_variants",
    index: "inventory_variants_tenant_id_sku_key",
    query: "{ inventoryVariants(orderBy: [SKU_ASC], first: 20) { nodes { sku } } }",
    rows: nodes("inventoryVariants"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.sku),
        "asc",
      ),
  },
  // orders
  {
    module: "orders",
    question: "Orders, newest first",
    table: "orders.orders",
    index: "orders_placed_at_idx",
    query: "{ orders(orderBy: [PLACED_AT_DESC], first: 20) { nodes { orderNumber placedAt total } } }",
    rows: nodes("orders"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.placedAt)),
        "desc",
      ),
  },
  {
    module: "orders",
    question: "Orders waiting in one status",
    table: "orders.orders",
    index: "orders_status_idx",
    query: "{ orders(condition: { status: PENDING }) { nodes { orderNumber status } } }",
    rows: nodes("orders"),
    check: (rows) => expectAll(rows, (r) => r.status === "PENDING", "status is PENDING"),
  },
  // fulfillment
  {
    module: "fulfillment",
    question: "A warehouse's pick lists",
    table: "fulfillment.pick_lists",
    index: "pick_lists_warehouse_idx",
    query: "{ warehouses(first: 5) { nodes { code pickLists { nodes { status } } } } }",
    rows: (data) => data.warehouses.nodes.flatMap((w: any) => w.pickLists.nodes),
    check: (rows) => expectAll(rows, (r) => typeof r.status === "string", "status"),
  },
  // shipping
  {
    module: "shipping",
    question: "Shipments in one status",
    table: "shipping.awbs",
    index: "awbs_status_idx",
    query: "{ awbs(condition: { status: IN_TRANSIT }) { nodes { awbNumber status } } }",
    rows: nodes("awbs"),
    check: (rows) => expectAll(rows, (r) => r.status === "IN_TRANSIT", "status is IN_TRANSIT"),
  },
  {
    module: "shipping",
    question: "Waybills by number",
    table: "shipping.awbs",
    index: "awbs_awb_number_idx",
    query: "{ awbs(orderBy: [AWB_NUMBER_ASC], first: 20) { nodes { awbNumber } } }",
    rows: nodes("awbs"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => r.awbNumber),
        "asc",
      ),
  },
  // purchasing
  {
    module: "purchasing",
    question: "Purchase orders in one status",
    table: "purchasing.purchase_orders",
    index: "purchase_orders_status_idx",
    query: "{ purchaseOrders(condition: { status: RECEIVED }) { nodes { poNumber status } } }",
    rows: nodes("purchaseOrders"),
    check: (rows) => expectAll(rows, (r) => r.status === "RECEIVED", "status is RECEIVED"),
  },
  // conversations
  {
    module: "conversations",
    question: "The inbox: open conversations",
    table: "conversations.chats",
    index: "chats_status_idx",
    query: "{ chats(condition: { status: OPEN }) { nodes { subject status lastMessageAt } } }",
    rows: nodes("chats"),
    check: (rows) => expectAll(rows, (r) => r.status === "OPEN", "status is OPEN"),
  },
  // telephony
  {
    module: "telephony",
    question: "Recent calls, newest first",
    table: "telephony.call_records",
    index: "call_records_started_idx",
    query: "{ callRecords(orderBy: [STARTED_AT_DESC], first: 20) { nodes { startedAt durationSeconds } } }",
    rows: nodes("callRecords"),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.startedAt)),
        "desc",
      ),
  },
  {
    module: "telephony",
    question: "An agent's calls, newest first",
    table: "telephony.call_records",
    index: "call_records_user_started_idx",
    query: "{ users(first: 5) { nodes { callRecords(orderBy: [STARTED_AT_DESC]) { nodes { startedAt } } } } }",
    rows: (data) => data.users.nodes.flatMap((u: any) => u.callRecords.nodes),
    check: (rows) =>
      expectSorted(
        rows.map((r) => Date.parse(r.startedAt)),
        "desc",
      ),
  },
  // whatsapp
  {
    module: "whatsapp",
    question: "A customer's WhatsApp messages (by sender)",
    table: "whatsapp.whatsapp_webhook_events",
    index: "whatsapp_webhook_events_sender_idx",
    query: '{ whatsappWebhookEvents(condition: { senderWaId: "15559990001" }) { nodes { senderWaId eventType } } }',
    rows: nodes("whatsappWebhookEvents"),
    check: (rows) => expectAll(rows, (r) => r.senderWaId === "15559990001", "sender"),
  },
  // automation
  {
    module: "automation",
    question: "Runs waiting or failed (the runner's board)",
    table: "automation.automation_runs",
    index: "automation_runs_status_idx",
    query: "{ automationRuns(condition: { status: FAILED }) { nodes { status error } } }",
    rows: nodes("automationRuns"),
    check: (rows) => expectAll(rows, (r) => r.status === "FAILED" && r.error !== null, "failed with its error"),
    // Runs exist only where a gateway ran the demo's cron job.
    mayBeEmpty: true,
  },
  // competition
  {
    module: "competition",
    question: "A competitor product's price history",
    table: "competition.competition_price_observations",
    index: "competition_price_observations_product_time_key",
    query: "{ competitionProducts(first: 5) { nodes { priceObservations { nodes { observedAt price } } } } }",
    rows: (data) => data.competitionProducts.nodes.flatMap((p: any) => p.priceObservations.nodes),
    check: (rows) => expectAll(rows, (r) => typeof r.price === "string", "price"),
  },
  {
    module: "competition",
    question: "Triggered price alerts",
    table: "competition.competition_alerts",
    index: "competition_alerts_status_idx",
    query: "{ competitionAlerts(condition: { status: TRIGGERED }) { nodes { status triggeredAt } } }",
    rows: nodes("competitionAlerts"),
    check: (rows) => expectAll(rows, (r) => r.status === "TRIGGERED" && r.triggeredAt !== null, "triggered"),
  },
  // integrations
  {
    module: "integrations",
    question: "Imported objects of a kind (what a sync has mapped)",
    table: "integrations.shopify_object_mappings",
    index: "shopify_object_mappings_local_idx",
    query: "{ shopifyObjectMappings(condition: { localType: PRODUCT }) { nodes { localType externalId resource } } }",
    rows: nodes("shopifyObjectMappings"),
    check: (rows) => expectAll(rows, (r) => r.localType === "PRODUCT", "product mappings"),
  },
  // ai
  {
    module: "ai",
    question: "AI jobs waiting in the queue",
    table: "ai.ai_jobs",
    index: "ai_jobs_status_idx",
    query: "{ aiJobs(condition: { status: QUEUED }) { nodes { status jobType objectType } } }",
    rows: nodes("aiJobs"),
    check: (rows) => expectAll(rows, (r) => r.status === "QUEUED", "queued"),
  },
  {
    module: "ai",
    question: "Annotations of the records of a kind",
    table: "ai.annotations_entries",
    index: "annotations_entries_object_idx",
    query: "{ annotationsEntries(condition: { objectType: PRODUCT }) { nodes { objectType verdict note } } }",
    rows: nodes("annotationsEntries"),
    mayBeEmpty: true,
  },
];
