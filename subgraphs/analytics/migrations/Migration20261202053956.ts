import { Migration } from '@mikro-orm/migrations';

export class Migration20261202053956 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "analytics"."customer_revenue" ("user_id" varchar(64) not null, "currency" varchar(3) not null, "gross" bigint not null, "refunded" bigint not null, "net" bigint not null, "first_paid_at" timestamptz null, "last_paid_at" timestamptz null, constraint "customer_revenue_pkey" primary key ("user_id", "currency"));`);
    this.addSql(`create index "customer_revenue_ranking_index" on "analytics"."customer_revenue" ("currency", "net" desc, "user_id");`);

    this.addSql(`create table "analytics"."daily_revenue" ("id" bigserial primary key, "day" date not null, "currency" varchar(3) not null, "plan" varchar(100) null, "gross" bigint not null, "refunds" bigint not null, "net" bigint not null);`);
    this.addSql(`create unique index "daily_revenue_day_currency_plan_unique" on "analytics"."daily_revenue" ("day", "currency", "plan") nulls not distinct;`);

    this.addSql(`create table "analytics"."revenue_entry" ("kind" varchar(16) not null, "id" varchar(255) not null, "payment_id" varchar(255) not null, "user_id" varchar(64) not null, "currency" varchar(3) not null, "plan" varchar(100) null, "amount" bigint not null, "occurred_at" timestamptz not null, constraint "revenue_entry_pkey" primary key ("kind", "id"));`);

    this.addSql(`create table "analytics"."subscription_mrr" ("user_id" varchar(64) not null, "plan" varchar(100) not null, "currency" varchar(3) not null, "monthly_amount" bigint not null, "changed_at" timestamptz not null, constraint "subscription_mrr_pkey" primary key ("user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics"."customer_revenue" cascade;`);

    this.addSql(`drop table if exists "analytics"."daily_revenue" cascade;`);

    this.addSql(`drop table if exists "analytics"."revenue_entry" cascade;`);

    this.addSql(`drop table if exists "analytics"."subscription_mrr" cascade;`);
  }

}
