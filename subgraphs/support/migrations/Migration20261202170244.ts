import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170244 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "support";`);
    this.addSql(`create table "support"."agent" ("user_id" uuid not null, "available" boolean not null default true, "capacity" smallint not null, "last_assigned_at" timestamptz null, "added_by" uuid not null, "added_at" timestamptz not null, constraint "agent_pkey" primary key ("user_id"), constraint agent_capacity_check check (capacity >= 1 and capacity <= 100));`);

    this.addSql(`create table "support"."attachment" ("id" uuid not null, "ticket_id" uuid not null, "message_id" uuid null, "media_id" uuid not null, "position" smallint not null, "created_at" timestamptz not null, constraint "attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "attachment_ticket_id_index" on "support"."attachment" ("ticket_id");`);
    this.addSql(`create index "attachment_message_id_index" on "support"."attachment" ("message_id");`);

    this.addSql(`create table "support"."canned_response" ("id" uuid not null, "shortcut" varchar(50) not null, "title" varchar(200) not null, "body" text not null, "created_by" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "canned_response_pkey" primary key ("id"));`);
    this.addSql(`alter table "support"."canned_response" add constraint "canned_response_shortcut_unique" unique ("shortcut");`);

    this.addSql(`create table "support"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "support"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "support"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "support"."ticket" ("id" uuid not null, "number" serial, "author_id" uuid not null, "title" varchar(200) not null, "description" text not null, "category" varchar(50) not null, "priority" varchar(10) not null default 'NORMAL', "status" varchar(10) not null default 'OPEN', "assignee_id" uuid null, "first_response_due_at" timestamptz not null, "resolution_due_at" timestamptz not null, "first_responded_at" timestamptz null, "first_response_breached_at" timestamptz null, "resolution_breached_at" timestamptz null, "paused_since" timestamptz null, "paused_seconds" int not null default 0, "resolved_at" timestamptz null, "closed_at" timestamptz null, "rating" smallint null, "rating_comment" text null, "rated_at" timestamptz null, "merged_into_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "ticket_pkey" primary key ("id"), constraint ticket_rating_check check (rating is null or (rating >= 1 and rating <= 5)), constraint ticket_paused_check check (paused_seconds >= 0));`);
    this.addSql(`create index "ticket_author_id_updated_at_id_index" on "support"."ticket" ("author_id", "updated_at", "id");`);
    this.addSql(`create index "ticket_updated_at_id_index" on "support"."ticket" ("updated_at", "id");`);
    this.addSql(`create index "ticket_assignee_id_status_index" on "support"."ticket" ("assignee_id", "status");`);
    this.addSql(`create index "ticket_text_index" on "support"."ticket" using gin (to_tsvector('simple', "title" || ' ' || "description"));`);
    this.addSql(`alter table "support"."ticket" add constraint "ticket_number_unique" unique ("number");`);

    this.addSql(`create table "support"."ticket_message" ("id" uuid not null, "ticket_id" uuid not null, "author_id" uuid not null, "kind" varchar(10) not null, "from_agent" boolean not null, "body" text not null, "created_at" timestamptz not null, constraint "ticket_message_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_message_ticket_id_created_at_id_index" on "support"."ticket_message" ("ticket_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support"."agent" cascade;`);

    this.addSql(`drop table if exists "support"."attachment" cascade;`);

    this.addSql(`drop table if exists "support"."canned_response" cascade;`);

    this.addSql(`drop table if exists "support"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "support"."processed_event" cascade;`);

    this.addSql(`drop table if exists "support"."ticket" cascade;`);

    this.addSql(`drop table if exists "support"."ticket_message" cascade;`);

    this.addSql(`drop schema if exists "support";`);
  }

}
