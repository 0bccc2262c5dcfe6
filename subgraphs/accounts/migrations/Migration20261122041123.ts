import { Migration } from '@mikro-orm/migrations';

export class Migration20261122041123 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "accounts"."business_context" ("user_id" uuid not null, "company_name" varchar(200) null, "address" varchar(1000) null, "tax_id" varchar(64) null, "default_currency" varchar(3) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "business_context_pkey" primary key ("user_id"));`);

    this.addSql(`create table "accounts"."common_service" ("id" uuid not null, "user_id" uuid not null, "description" varchar(500) not null, "unit_price" numeric(12,2) not null, "currency" varchar(3) null, "unit" varchar(32) null, "created_at" timestamptz not null, constraint "common_service_pkey" primary key ("id"));`);
    this.addSql(`create index "common_service_user_id_created_at_id_index" on "accounts"."common_service" ("user_id", "created_at", "id");`);

    this.addSql(`create table "accounts"."erased_user" ("user_id" uuid not null, "erased_at" timestamptz not null, constraint "erased_user_pkey" primary key ("user_id"));`);

    this.addSql(`create table "accounts"."frequent_client" ("id" uuid not null, "user_id" uuid not null, "name" varchar(200) not null, "email" varchar(254) null, "address" varchar(1000) null, "created_at" timestamptz not null, constraint "frequent_client_pkey" primary key ("id"));`);
    this.addSql(`create index "frequent_client_user_id_created_at_id_index" on "accounts"."frequent_client" ("user_id", "created_at", "id");`);

    this.addSql(`alter table "accounts"."profile" add column "first_name" varchar(100) null, add column "last_name" varchar(100) null, add column "phone" varchar(16) null, add column "avatar_url" varchar(2048) null, add column "preferences" jsonb not null default '{"locale":"en-GB","timezone":"UTC","notifications":{"email":true,"sms":false,"marketing":false}}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "accounts"."business_context" cascade;`);

    this.addSql(`drop table if exists "accounts"."common_service" cascade;`);

    this.addSql(`drop table if exists "accounts"."erased_user" cascade;`);

    this.addSql(`drop table if exists "accounts"."frequent_client" cascade;`);

    this.addSql(`alter table "accounts"."profile" drop column "first_name", drop column "last_name", drop column "phone", drop column "avatar_url", drop column "preferences";`);
  }

}
