import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "accounts";`);
    this.addSql(`create table "accounts"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "accounts"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "accounts"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "accounts"."profile" ("user_id" uuid not null, "display_name" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "profile_pkey" primary key ("user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "accounts"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "accounts"."processed_event" cascade;`);

    this.addSql(`drop table if exists "accounts"."profile" cascade;`);

    this.addSql(`drop schema if exists "accounts";`);
  }

}
