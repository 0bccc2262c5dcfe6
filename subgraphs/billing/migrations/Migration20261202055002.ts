import { Migration } from '@mikro-orm/migrations';

export class Migration20261202055002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "billing";`);
    this.addSql(`create table "billing"."customer" ("user_id" uuid not null, "stripe_customer_id" varchar(255) not null, "payment_method_id" varchar(255) null, "card_brand" varchar(32) null, "card_last4" varchar(4) null, "card_exp_month" smallint null, "card_exp_year" smallint null, "created_at" timestamptz not null, constraint "customer_pkey" primary key ("user_id"));`);
    this.addSql(`alter table "billing"."customer" add constraint "customer_stripe_customer_id_unique" unique ("stripe_customer_id");`);

    this.addSql(`create table "billing"."billing_invoice" ("id" uuid not null, "user_id" uuid not null, "stripe_invoice_id" varchar(255) not null, "number" varchar(64) null, "status" varchar(32) not null, "amount_due" int not null, "amount_paid" int not null, "currency" varchar(3) not null, "hosted_invoice_url" varchar(1000) null, "pdf_url" varchar(1000) null, "period_start" timestamptz null, "period_end" timestamptz null, "reason" varchar(64) null, "created_at" timestamptz not null, constraint "billing_invoice_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."billing_invoice" add constraint "billing_invoice_stripe_invoice_id_unique" unique ("stripe_invoice_id");`);
    this.addSql(`create index "billing_invoice_user_id_created_at_id_index" on "billing"."billing_invoice" ("user_id", "created_at", "id");`);

    this.addSql(`create table "billing"."credit_account" ("user_id" uuid not null, "subscription" int not null default 0, "purchased" int not null default 0, "held" int not null default 0, constraint "credit_account_pkey" primary key ("user_id"), constraint credit_account_not_negative check (subscription >= 0 and purchased >= 0 and held >= 0));`);

    this.addSql(`create table "billing"."credit_hold" ("id" uuid not null, "user_id" uuid not null, "amount" int not null, "from_subscription" int not null default 0, "from_purchased" int not null default 0, "status" varchar(16) not null default 'held', "reference" varchar(200) not null, "created_at" timestamptz not null, constraint "credit_hold_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."credit_hold" add constraint "credit_hold_user_id_reference_unique" unique ("user_id", "reference");`);

    this.addSql(`create table "billing"."credit_ledger_entry" ("id" uuid not null, "user_id" uuid not null, "kind" varchar(32) not null, "amount" int not null, "balance_after" int not null, "reason" varchar(200) null, "idempotency_key" varchar(255) null, "created_at" timestamptz not null, constraint "credit_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_ledger_entry_user_id_created_at_id_index" on "billing"."credit_ledger_entry" ("user_id", "created_at", "id");`);
    this.addSql(`alter table "billing"."credit_ledger_entry" add constraint "credit_ledger_entry_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`);

    this.addSql(`create table "billing"."membership" ("id" uuid not null, "user_id" uuid not null, "type" varchar(64) not null, "package" varchar(64) not null, "starts_at" timestamptz not null, "expires_at" timestamptz not null, "source" varchar(16) not null, "payment_id" uuid null, "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."membership" add constraint "membership_payment_id_unique" unique ("payment_id");`);
    this.addSql(`create index "membership_user_id_expires_at_index" on "billing"."membership" ("user_id", "expires_at");`);

    this.addSql(`create table "billing"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "billing"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "billing"."payment" ("id" uuid not null, "user_id" uuid not null, "stripe_payment_intent_id" varchar(255) not null, "amount" int not null, "currency" varchar(3) not null, "purpose" varchar(16) not null, "status" varchar(32) not null, "amount_refunded" int not null default 0, "description" varchar(500) null, "client_secret" varchar(255) null, "decline_code" varchar(64) null, "failure_message" varchar(500) null, "credit_pack" varchar(64) null, "membership_package" varchar(64) null, "plan" varchar(64) null, "promo_code_id" uuid null, "idempotency_key" varchar(255) null, "created_at" timestamptz not null, "succeeded_at" timestamptz null, "fulfilled_at" timestamptz null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."payment" add constraint "payment_stripe_payment_intent_id_unique" unique ("stripe_payment_intent_id");`);
    this.addSql(`create index "payment_user_id_created_at_id_index" on "billing"."payment" ("user_id", "created_at", "id");`);
    this.addSql(`create index "payment_created_at_index" on "billing"."payment" ("created_at");`);
    this.addSql(`alter table "billing"."payment" add constraint "payment_user_id_idempotency_key_unique" unique ("user_id", "idempotency_key");`);

    this.addSql(`create table "billing"."plan_subscription" ("id" uuid not null, "user_id" uuid not null, "stripe_subscription_id" varchar(255) not null, "plan" varchar(64) not null, "interval" varchar(8) not null, "status" varchar(32) not null, "live" boolean not null default true, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "trial_end" timestamptz null, "cancel_at_period_end" boolean not null default false, "canceled_at" timestamptz null, "paused" boolean not null default false, "scheduled_plan" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "plan_subscription_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."plan_subscription" add constraint "plan_subscription_stripe_subscription_id_unique" unique ("stripe_subscription_id");`);
    this.addSql(`create index "plan_subscription_user_id_created_at_index" on "billing"."plan_subscription" ("user_id", "created_at");`);
    this.addSql(`create unique index "plan_subscription_one_live_per_user" on "billing"."plan_subscription" ("user_id") where "live";`);

    this.addSql(`create table "billing"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "billing"."promo_code" ("id" uuid not null, "code" varchar(32) not null, "percent_off" smallint null, "amount_off" int null, "currency" varchar(3) null, "expires_at" timestamptz null, "max_redemptions" int null, "redemptions" int not null default 0, "stripe_coupon_id" varchar(255) null, "created_at" timestamptz not null, constraint "promo_code_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."promo_code" add constraint "promo_code_code_unique" unique ("code");`);
    this.addSql(`create index "promo_code_created_at_id_index" on "billing"."promo_code" ("created_at", "id");`);

    this.addSql(`create table "billing"."promo_redemption" ("id" uuid not null, "promo_code_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "promo_redemption_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."promo_redemption" add constraint "promo_redemption_promo_code_id_user_id_unique" unique ("promo_code_id", "user_id");`);

    this.addSql(`create table "billing"."refund" ("id" uuid not null, "payment_id" uuid not null, "user_id" uuid not null, "stripe_refund_id" varchar(255) not null, "amount" int not null, "currency" varchar(3) not null, "reason" varchar(32) not null, "status" varchar(32) not null, "created_at" timestamptz not null, constraint "refund_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing"."refund" add constraint "refund_stripe_refund_id_unique" unique ("stripe_refund_id");`);
    this.addSql(`create index "refund_payment_id_index" on "billing"."refund" ("payment_id");`);

    this.addSql(`create table "billing"."usage_allowance" ("user_id" uuid not null, "plan" varchar(64) not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "ai_tokens_limit" bigint null, "image_generations_limit" bigint null, "site_generations_limit" bigint null, "storage_bytes_limit" bigint null, "event_id" varchar(255) not null, "event_occurred_at" timestamptz not null, "updated_at" timestamptz not null, constraint "usage_allowance_pkey" primary key ("user_id"));`);

    this.addSql(`create table "billing"."usage_counter" ("user_id" uuid not null, "meter" varchar(32) not null, "period_start" timestamptz not null, "used" bigint not null, constraint "usage_counter_pkey" primary key ("user_id", "meter", "period_start"));`);

    this.addSql(`create table "billing"."usage_spend" ("meter" varchar(32) not null, "key" varchar(255) not null, "user_id" uuid not null, "amount" bigint not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "period_limit" bigint null, "used" bigint not null, "created_at" timestamptz not null, constraint "usage_spend_pkey" primary key ("meter", "key"));`);

    this.addSql(`create table "billing"."webhook_event" ("id" varchar(255) not null, "type" varchar(100) not null, "received_at" timestamptz not null, constraint "webhook_event_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing"."customer" cascade;`);

    this.addSql(`drop table if exists "billing"."billing_invoice" cascade;`);

    this.addSql(`drop table if exists "billing"."credit_account" cascade;`);

    this.addSql(`drop table if exists "billing"."credit_hold" cascade;`);

    this.addSql(`drop table if exists "billing"."credit_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "billing"."membership" cascade;`);

    this.addSql(`drop table if exists "billing"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "billing"."payment" cascade;`);

    this.addSql(`drop table if exists "billing"."plan_subscription" cascade;`);

    this.addSql(`drop table if exists "billing"."processed_event" cascade;`);

    this.addSql(`drop table if exists "billing"."promo_code" cascade;`);

    this.addSql(`drop table if exists "billing"."promo_redemption" cascade;`);

    this.addSql(`drop table if exists "billing"."refund" cascade;`);

    this.addSql(`drop table if exists "billing"."usage_allowance" cascade;`);

    this.addSql(`drop table if exists "billing"."usage_counter" cascade;`);

    this.addSql(`drop table if exists "billing"."usage_spend" cascade;`);

    this.addSql(`drop table if exists "billing"."webhook_event" cascade;`);

    this.addSql(`drop schema if exists "billing";`);
  }

}
