import { Migration } from '@mikro-orm/migrations';

export class Migration20261202211205 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "invoicing";`);
    this.addSql(`create table "invoicing"."erased_user" ("user_id" uuid not null, "erased_at" timestamptz not null, constraint "erased_user_pkey" primary key ("user_id"));`);

    this.addSql(`create table "invoicing"."invoice" ("id" uuid not null, "owner_id" uuid not null, "status" varchar(8) not null default 'DRAFT', "number" varchar(64) null, "sequence" int null, "client_name" varchar(200) not null, "client_email" varchar(254) null, "client_address" varchar(1000) null, "client_tax_id" varchar(64) null, "lines" jsonb not null, "taxes" jsonb not null, "currency" varchar(3) not null, "subtotal_minor" bigint not null, "tax_minor" bigint not null, "total_minor" bigint not null, "issue_date" date null, "due_date" date null, "notes" text null, "transcript" text null, "voice_note_media_id" uuid null, "drafted_by" jsonb null, "seller" jsonb null, "pdf_media_id" uuid null, "void_reason" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "issued_at" timestamptz null, "paid_at" timestamptz null, "voided_at" timestamptz null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_owner_id_created_at_id_index" on "invoicing"."invoice" ("owner_id", "created_at", "id");`);
    this.addSql(`create index "invoice_owner_id_status_created_at_id_index" on "invoicing"."invoice" ("owner_id", "status", "created_at", "id");`);
    this.addSql(`alter table "invoicing"."invoice" add constraint "invoice_owner_id_number_unique" unique ("owner_id", "number");`);
    this.addSql(`alter table "invoicing"."invoice" add constraint "invoice_owner_id_sequence_unique" unique ("owner_id", "sequence");`);

    this.addSql(`create table "invoicing"."invoice_settings" ("user_id" uuid not null, "number_pattern" varchar(40) not null default 'INV-{YYYY}-{SEQ:4}', "payment_terms_days" int not null default 30, "last_sequence" int not null default 0, constraint "invoice_settings_pkey" primary key ("user_id"));`);

    this.addSql(`create table "invoicing"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "invoicing"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "invoicing"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoicing"."erased_user" cascade;`);

    this.addSql(`drop table if exists "invoicing"."invoice" cascade;`);

    this.addSql(`drop table if exists "invoicing"."invoice_settings" cascade;`);

    this.addSql(`drop table if exists "invoicing"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "invoicing"."processed_event" cascade;`);

    this.addSql(`drop schema if exists "invoicing";`);
  }

}
