import { Migration } from '@mikro-orm/migrations';

export class Migration20261122052506 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "analytics";`);
    this.addSql(`create table "analytics"."daily_metric" ("day" date not null, "metric" varchar(100) not null, "value" bigint not null, constraint "daily_metric_pkey" primary key ("day", "metric"));`);
    this.addSql(`create index "daily_metric_metric_day_index" on "analytics"."daily_metric" ("metric", "day");`);

    this.addSql(`create table "analytics"."daily_user_activity" ("day" date not null, "user_id" varchar(64) not null, "events" int not null, constraint "daily_user_activity_pkey" primary key ("day", "user_id"));`);

    this.addSql(`create table "analytics"."event_fact" ("id" varchar(64) not null, "type" varchar(100) not null, "occurred_at" timestamptz not null, "actor_id" varchar(64) null, "subject" varchar(255) not null, "data" jsonb null, "recorded_at" timestamptz not null, constraint "event_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "event_fact_occurred_at_index" on "analytics"."event_fact" ("occurred_at");`);
    this.addSql(`create index "event_fact_actor_id_occurred_at_index" on "analytics"."event_fact" ("actor_id", "occurred_at");`);
    this.addSql(`create index "event_fact_type_occurred_at_index" on "analytics"."event_fact" ("type", "occurred_at");`);

    this.addSql(`create table "analytics"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "analytics"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "analytics"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics"."daily_metric" cascade;`);

    this.addSql(`drop table if exists "analytics"."daily_user_activity" cascade;`);

    this.addSql(`drop table if exists "analytics"."event_fact" cascade;`);

    this.addSql(`drop table if exists "analytics"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "analytics"."processed_event" cascade;`);

    this.addSql(`drop schema if exists "analytics";`);
  }

}
