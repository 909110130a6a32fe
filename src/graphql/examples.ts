/**
 * Saved example operations, one menu in GraphiQL: a starting point for each
 * module, written against the real schema (test/graphiql-examples.test.ts
 * validates every one against the built schema, so a renamed field fails
 * the build, not the analyst).
 */
export interface ExampleOperation {
  module: string;
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

const op = (module: string, title: string, query: string, variables?: Record<string, unknown>): ExampleOperation => ({
  module,
  title,
  query: query.trim() + "\n",
  ...(variables ? { variables } : {}),
});

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  op(
    "itsm",
    "Open issues, newest first",
    `
query OpenIssuesNewestFirst {
  issues(filter: { status: { equalTo: OPEN } }, orderBy: [CREATED_AT_DESC], first: 20) {
    totalCount
    nodes { title priority createdAt assignee { email } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  ),
  op(
    "assets",
    "Find assets by part of the serial number",
    `
query FindAssets($text: String!) {
  assets(filter: { serialNumber: { includesInsensitive: $text } }, orderBy: [NAME_ASC], first: 20) {
    nodes { name serialNumber model { name } }
  }
}`,
    { text: "lt-1" },
  ),
  op(
    "itsm",
    "Search issues (full text, best match first)",
    `
query SearchIssues($words: String!) {
  searchIssues(query: $words, first: 10) {
    nodes { title status description }
  }
}`,
    { words: "laptop" },
  ),
  op(
    "billing",
    "Payments per month",
    `
query PaymentsPerMonth {
  payments {
    groupedAggregates(groupBy: [PAID_AT_TRUNCATED_TO_MONTH]) { keys sum { amount } }
  }
}`,
  ),
  op(
    "platform",
    "Users and their roles",
    `
query UsersAndRoles {
  users(first: 20) {
    totalCount
    nodes {
      email
      isActive
      # Roles come with the user's groups (the admin's is "admin", through Administrators) and, rarely, directly.
      userGroupMemberships { nodes { userGroup { name groupRoles { nodes { role { name } } } } } }
      userRoles { nodes { role { name } } }
    }
  }
}`,
  ),
  op("platform", "What may I do?", `query MyPermissions {\n  viewerPermissions\n}`),
  op(
    "census",
    "People and their current names",
    `
query People {
  people(first: 20) {
    totalCount
    nodes {
      rowId
      currentIdentity { firstName lastName }
      users { nodes { email } }
    }
  }
}`,
  ),
  op(
    "census",
    "Schools, years and enrollments",
    `
query Schools {
  schools {
    nodes {
      name
      schoolCalendars {
        nodes {
          schoolYear { name }
          schoolEnrollments { totalCount }
        }
      }
    }
  }
}`,
  ),
  op(
    "assets",
    "Assets with model, maker and type",
    `
query Assets($first: Int = 20, $after: Cursor) {
  assets(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      rowId
      name
      serialNumber
      quantity
      model {
        name
        manufacturer { name }
        assetType { name }
      }
    }
  }
}`,
  ),
  op(
    "assets",
    "Repairs and where they are",
    `
query Repairs {
  assetRepairs(first: 20) {
    nodes {
      title
      status
      priority
      reportedAt
      asset { name serialNumber }
      location { name }
    }
  }
}`,
  ),
  op(
    "assets",
    "Add a manufacturer",
    `
mutation AddManufacturer($name: String!) {
  createAssetManufacturer(input: { assetManufacturer: { name: $name } }) {
    assetManufacturer { rowId name createdAt }
  }
}`,
    { name: "Framework" },
  ),
  op(
    "locations",
    "Buildings and their rooms",
    `
query Places {
  locations(condition: { parentId: null }) {
    nodes {
      name
      type { name }
      children { nodes { name type { name } } }
    }
  }
}`,
  ),
  op(
    "ITSM",
    "Projects and their issues",
    `
query Projects {
  projects {
    nodes {
      key
      name
      issues(first: 20) {
        totalCount
        nodes { title status priority dueDate assignee { email } }
      }
    }
  }
}`,
  ),
  op(
    "ITSM",
    "Configuration items and their dependencies",
    `
query ConfigurationItems {
  configurationItems(first: 20) {
    nodes {
      name
      itemType
      status
      outgoingRelationships { nodes { relationshipType target { name } } }
    }
  }
}`,
  ),
  op(
    "campus",
    "Campuses with students and staff",
    `
query Campuses {
  campuses {
    nodes {
      name
      code
      isOnline
      students { totalCount }
      staffMembers { totalCount }
    }
  }
}`,
  ),
  op(
    "academics",
    "Classes, grades and subjects",
    `
query Classes {
  classes(first: 20) {
    nodes {
      name
      section
      grade { name }
      homeroomTeacher { jobTitle }
      classSubjects { nodes { subject { name code } } }
      classEnrollments { totalCount }
    }
  }
}`,
  ),
  op(
    "attendance",
    "Latest attendance sessions",
    `
query AttendanceSessions {
  attendanceSessions(first: 20) {
    nodes {
      sessionDate
      sessionType
      class { name }
      attendanceRecords { nodes { status minutesLate student { firstName lastName } } }
    }
  }
}`,
  ),
  op(
    "billing",
    "Invoices with payments",
    `
query Invoices {
  invoices(first: 20) {
    nodes {
      invoiceNumber
      status
      dueDate
      totalAmount
      balanceDue
      student { firstName lastName }
      payments { nodes { amount method paidAt } }
    }
  }
}`,
  ),
  op(
    "messaging",
    "Messages and their reach",
    `
query Messages {
  messages(first: 20) {
    nodes {
      subject
      channel
      status
      sentAt
      sender { email }
      messageRecipients { totalCount }
    }
  }
}`,
  ),
  op(
    "content",
    "Documents and the content catalog",
    `
query Content {
  documents(first: 20) {
    nodes { name category entityType uploadedAt }
  }
  contentCatalogs {
    nodes { contentType active }
  }
}`,
  ),
  op(
    "orders",
    "Orders, newest first, with their shipments",
    `
query RecentOrders {
  orders(orderBy: [PLACED_AT_DESC], first: 20) {
    nodes {
      orderNumber status total currency placedAt
      customer { displayName }
      orderLines { nodes { description quantity lineTotal } }
      fulfillments { nodes { status awbs { nodes { awbNumber status carrier { name } } } } }
    }
  }
}`,
  ),
  op(
    "inventory",
    "Stock per variant and warehouse",
    `
query Stock {
  inventoryVariants(orderBy: [SKU_ASC], first: 50) {
    nodes {
      sku title product { name allowsBackorder }
      inventoryLevelsByVariantId { nodes { warehouse { code } onHand reserved available } }
    }
  }
}`,
  ),
  op(
    "crm",
    "Customers with labels and lifetime value",
    `
query Customers {
  customers(orderBy: [DISPLAY_NAME_ASC], first: 20) {
    nodes {
      displayName email status
      customerLabels { nodes { label { name color } } }
      analytics { ordersCount lifetimeValue lastOrderAt }
    }
  }
}`,
  ),
  op(
    "analytics",
    "Daily store KPIs",
    `
query DailyKpis {
  shopifyKpis(first: 30) {
    nodes { day channel ordersCount grossSales averageOrderValue unitsSold customersCount }
  }
}`,
  ),
  op(
    "conversations",
    "Open conversations and their messages",
    `
query Inbox {
  chats(condition: { status: OPEN }, first: 20) {
    nodes {
      channel subject lastMessageAt
      customer { displayName }
      conversationMessages { nodes { direction status body sentAt } }
    }
  }
}`,
  ),
  op(
    "telephony",
    "Recent calls with their disposition",
    `
query RecentCalls {
  callRecords(orderBy: [STARTED_AT_DESC], first: 20) {
    nodes { direction fromNumber toNumber startedAt durationSeconds talkSeconds user { email } recordings { totalCount } }
  }
}`,
  ),
  op(
    "whatsapp",
    "A customer's WhatsApp thread",
    `
query WhatsappThread($sender: String!) {
  whatsappWebhookEvents(condition: { senderWaId: $sender }, first: 50) {
    nodes { eventType externalId receivedAt processingStatus payload account { name } }
  }
}`,
    { sender: "15559990001" },
  ),
  op(
    "automation",
    "Rules and their latest runs",
    `
query AutomationRules {
  automationRules(first: 20) {
    nodes {
      name triggerType isActive
      cronJobs { nodes { schedule nextRunAt lastRunAt } }
      runs(first: 5, orderBy: [PRIMARY_KEY_DESC]) { nodes { status attempts finishedAt error } }
    }
  }
}`,
  ),
  op(
    "integrations",
    "Connected stores and their sync state",
    `
query ConnectedStores {
  shopifyStores {
    nodes { shopDomain status connectedAt credential { label secretSetAt } syncCursors { nodes { resource lastSyncedAt lastError } } }
  }
}`,
  ),
  op(
    "competition",
    "Competitor prices and triggered alerts",
    `
query CompetitorPrices {
  competitionProducts(first: 20) {
    nodes { name url competitor { name } priceObservations { nodes { observedAt price currency } } alerts { nodes { alertType status triggeredAt } } }
  }
}`,
  ),
];
