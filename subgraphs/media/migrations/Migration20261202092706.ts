import { Migration } from '@mikro-orm/migrations';

export class Migration20261202092706 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "media";`);
    this.addSql(`create table "media"."media" ("id" uuid not null, "owner_id" uuid not null, "filename" varchar(255) not null, "type" varchar(16) not null, "content_type" varchar(100) not null, "size" bigint not null, "checksum" varchar(80) not null, "width" int null, "height" int null, "blurhash" varchar(100) null, "storage_key" varchar(512) not null, "thumbnail_key" varchar(512) null, "thumbnail_size" bigint null, "original_key" varchar(512) null, "original_content_type" varchar(100) null, "original_size" bigint null, "stored_bytes" bigint not null, "is_avatar" boolean not null default false, "created_at" timestamptz not null, "deleted_at" timestamptz null, "purge_at" timestamptz null, constraint "media_pkey" primary key ("id"));`);
    this.addSql(`create index "media_owner_id_created_at_id_index" on "media"."media" ("owner_id", "created_at", "id");`);
    this.addSql(`create index "media_purge_at_index" on "media"."media" ("purge_at") where "purge_at" is not null;`);
    this.addSql(`create unique index "media_one_avatar_per_owner" on "media"."media" ("owner_id") where "is_avatar";`);

    this.addSql(`create table "media"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "media"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "media"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "media"."secret" ("name" varchar(64) not null, "value" varchar(128) not null, constraint "secret_pkey" primary key ("name"));`);

    this.addSql(`create table "media"."share_link" ("id" uuid not null, "media_id" uuid not null, "owner_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "downloads" int not null default 0, "created_at" timestamptz not null, constraint "share_link_pkey" primary key ("id"));`);
    this.addSql(`create index "share_link_media_id_created_at_id_index" on "media"."share_link" ("media_id", "created_at", "id");`);

    this.addSql(`create table "media"."upload" ("id" uuid not null, "owner_id" uuid not null, "filename" varchar(255) not null, "declared_content_type" varchar(255) not null, "size" bigint not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "media_id" uuid null, constraint "upload_pkey" primary key ("id"));`);
    this.addSql(`create index "upload_owner_id_expires_at_index" on "media"."upload" ("owner_id", "expires_at");`);
    this.addSql(`create index "upload_expires_at_index" on "media"."upload" ("expires_at");`);

    this.addSql(`create table "media"."usage_allowance" ("user_id" uuid not null, "plan" varchar(64) not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "ai_tokens_limit" bigint null, "image_generations_limit" bigint null, "site_generations_limit" bigint null, "storage_bytes_limit" bigint null, "event_id" varchar(255) not null, "event_occurred_at" timestamptz not null, "updated_at" timestamptz not null, constraint "usage_allowance_pkey" primary key ("user_id"));`);

    this.addSql(`create table "media"."usage_counter" ("user_id" uuid not null, "meter" varchar(32) not null, "period_start" timestamptz not null, "used" bigint not null, constraint "usage_counter_pkey" primary key ("user_id", "meter", "period_start"));`);

    this.addSql(`create table "media"."usage_spend" ("meter" varchar(32) not null, "key" varchar(255) not null, "user_id" uuid not null, "amount" bigint not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "period_limit" bigint null, "used" bigint not null, "created_at" timestamptz not null, constraint "usage_spend_pkey" primary key ("meter", "key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "media"."media" cascade;`);

    this.addSql(`drop table if exists "media"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "media"."processed_event" cascade;`);

    this.addSql(`drop table if exists "media"."secret" cascade;`);

    this.addSql(`drop table if exists "media"."share_link" cascade;`);

    this.addSql(`drop table if exists "media"."upload" cascade;`);

    this.addSql(`drop table if exists "media"."usage_allowance" cascade;`);

    this.addSql(`drop table if exists "media"."usage_counter" cascade;`);

    this.addSql(`drop table if exists "media"."usage_spend" cascade;`);

    this.addSql(`drop schema if exists "media";`);
  }

}
