import { Migration } from '@mikro-orm/migrations';

export class Migration20261202102831 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "ai";`);
    this.addSql(`create table "ai"."conversation" ("id" uuid not null, "owner_id" uuid not null, "title" varchar(200) not null, "model" varchar(100) not null, "system_prompt" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, constraint "conversation_pkey" primary key ("id"));`);
    this.addSql(`create index "conversation_owner_id_updated_at_id_index" on "ai"."conversation" ("owner_id", "updated_at", "id");`);

    this.addSql(`create table "ai"."generated_image" ("id" uuid not null, "owner_id" uuid not null, "prompt" text not null, "size" varchar(16) not null, "style" varchar(32) null, "provider" varchar(64) not null, "model" varchar(100) not null, "media_id" uuid not null, "cost_picos" bigint not null, "created_at" timestamptz not null, "deleted_at" timestamptz null, constraint "generated_image_pkey" primary key ("id"));`);
    this.addSql(`create index "generated_image_owner_id_created_at_id_index" on "ai"."generated_image" ("owner_id", "created_at", "id");`);

    this.addSql(`create table "ai"."message" ("id" uuid not null, "conversation_id" uuid not null, "owner_id" uuid not null, "role" varchar(16) not null, "content" text not null, "status" varchar(16) not null default 'COMPLETE', "model" varchar(100) null, "provider" varchar(64) null, "prompt_tokens" int null, "completion_tokens" int null, "latency_ms" int null, "cost_picos" bigint null, "error" varchar(500) null, "created_at" timestamptz not null, "written_at" timestamptz not null, "replaced_at" timestamptz null, constraint "message_pkey" primary key ("id"));`);
    this.addSql(`create index "message_conversation_id_created_at_id_index" on "ai"."message" ("conversation_id", "created_at", "id");`);
    this.addSql(`create index "message_search_index" on "ai"."message" using gin (to_tsvector('simple', "content"));`);

    this.addSql(`create table "ai"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "ai"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "ai"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "ai"."usage_allowance" ("user_id" uuid not null, "plan" varchar(64) not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "ai_tokens_limit" bigint null, "image_generations_limit" bigint null, "site_generations_limit" bigint null, "storage_bytes_limit" bigint null, "event_id" varchar(255) not null, "event_occurred_at" timestamptz not null, "updated_at" timestamptz not null, constraint "usage_allowance_pkey" primary key ("user_id"));`);

    this.addSql(`create table "ai"."usage_counter" ("user_id" uuid not null, "meter" varchar(32) not null, "period_start" timestamptz not null, "used" bigint not null, constraint "usage_counter_pkey" primary key ("user_id", "meter", "period_start"));`);

    this.addSql(`create table "ai"."usage_spend" ("meter" varchar(32) not null, "key" varchar(255) not null, "user_id" uuid not null, "amount" bigint not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "period_limit" bigint null, "used" bigint not null, "created_at" timestamptz not null, constraint "usage_spend_pkey" primary key ("meter", "key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ai"."conversation" cascade;`);

    this.addSql(`drop table if exists "ai"."generated_image" cascade;`);

    this.addSql(`drop table if exists "ai"."message" cascade;`);

    this.addSql(`drop table if exists "ai"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "ai"."processed_event" cascade;`);

    this.addSql(`drop table if exists "ai"."usage_allowance" cascade;`);

    this.addSql(`drop table if exists "ai"."usage_counter" cascade;`);

    this.addSql(`drop table if exists "ai"."usage_spend" cascade;`);

    this.addSql(`drop schema if exists "ai";`);
  }

}
