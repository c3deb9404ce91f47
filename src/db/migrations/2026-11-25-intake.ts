import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: a migration never imports application code. Issue 4: customers, personal data at rest,
// evidence, the customer's side (tracking, messages, surveys), e-mail and spreadsheet intake, referrals.

// biome-ignore lint/suspicious/noExplicitAny: migrations run against whatever the schema was at that time
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  const idType = pg ? 'bigint' : 'integer';

  // A light CRM. Phones and e-mails live in customer_contacts, sealed, with a blind index for lookup.
  await db.schema
    .createTable('customers')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().defaultTo('regular'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    /** Sealed JSON array of addresses. */
    .addColumn('addresses', 'text')
    .addColumn('note', 'text')
    .addColumn('complaint_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_complaint_at', 'bigint')
    .addColumn('repeat_complainant', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_name').on('customers').columns(['name', 'id']).execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', idType, id)
    .addColumn('customer_id', idType, (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('value_index', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_contacts_lookup')
    .on('customer_contacts')
    .columns(['kind', 'value_index'])
    .unique()
    .execute();
  await db.schema
    .createIndex('customer_contacts_customer')
    .on('customer_contacts')
    .column('customer_id')
    .execute();

  // complainant_phone / complainant_email now hold sealed values; lookups go through the blind indexes.
  await db.schema.dropIndex('complaints_phone').execute();
  const complaintColumns: Array<[string, string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder]> = [
    ['customer_id', idType, (c) => c.references('customers.id')],
    ['complainant_phone_index', 'text', (c) => c],
    ['complainant_email_index', 'text', (c) => c],
    ['tracking_token_hash', 'text', (c) => c],
    ['external_ref', 'text', (c) => c],
    ['referral_no', 'text', (c) => c],
    ['referral_authority', 'text', (c) => c],
    ['referral_due_at', 'bigint', (c) => c],
    ['repeat_complaint', 'smallint', (c) => c.notNull().defaultTo(0)],
  ];
  for (const [name, type, build] of complaintColumns) {
    await db.schema.alterTable('complaints').addColumn(name, sql.raw(type), build).execute();
  }
  const complaintIndexes: Array<[string, string[]]> = [
    ['complaints_customer', ['customer_id', 'received_at']],
    ['complaints_phone_index', ['complainant_phone_index', 'received_at']],
    ['complaints_email_index', ['complainant_email_index', 'received_at']],
    ['complaints_referral_no', ['referral_no']],
  ];
  for (const [name, columns] of complaintIndexes) {
    await db.schema.createIndex(name).on('complaints').columns(columns).execute();
  }
  // Re-importing a spreadsheet row or replaying a call-centre registration finds it by its reference.
  await db.schema
    .createIndex('complaints_external_ref')
    .on('complaints')
    .column('external_ref')
    .unique()
    .execute();

  // Evidence: metadata here, bytes in content-addressed storage (sha256).
  await db.schema
    .createTable('evidence')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    /** staff | customer | email | import */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', idType, (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_complaint').on('evidence').columns(['complaint_id', 'id']).execute();

  // Messages between the customer and the staff outside the formal reply (portal, e-mail).
  await db.schema
    .createTable('complaint_messages')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    /** customer | staff */
    .addColumn('author', 'text', (c) => c.notNull())
    /** portal | email | phone | console */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('user_id', idType, (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_messages_complaint')
    .on('complaint_messages')
    .columns(['complaint_id', 'id'])
    .execute();

  // One survey per complaint: the primary key refuses a second.
  await db.schema
    .createTable('satisfaction_surveys')
    .addColumn('complaint_id', idType, (c) => c.primaryKey().references('complaints.id'))
    .addColumn('speed', 'smallint', (c) => c.notNull())
    .addColumn('effectiveness', 'smallint', (c) => c.notNull())
    .addColumn('attitude', 'smallint', (c) => c.notNull())
    .addColumn('transparency', 'smallint', (c) => c.notNull())
    .addColumn('recommendation', 'smallint', (c) => c.notNull())
    .addColumn('suggestions', 'text')
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('satisfaction_surveys_submitted')
    .on('satisfaction_surveys')
    .column('submitted_at')
    .execute();

  // One-time codes sent by SMS to the complainant's phone to prove ownership when tracking.
  await db.schema
    .createTable('tracking_codes')
    .addColumn('id', idType, id)
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tracking_codes_complaint')
    .on('tracking_codes')
    .columns(['complaint_id', 'created_at'])
    .execute();

  // Each mail taken from the mailbox, recorded in the transaction that stored its complaint or
  // message, so that a mail seen again after a crash is not stored twice.
  await db.schema
    .createTable('mail_receipts')
    .addColumn('message_key', 'text', (c) => c.primaryKey())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('complaint_id', idType, (c) => c.notNull().references('complaints.id'))
    /** complaint | message */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('the intake migration cannot be reverted');
}
