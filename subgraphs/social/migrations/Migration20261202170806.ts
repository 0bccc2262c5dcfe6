import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170806 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "social";`);
    this.addSql(`create table "social"."activity" ("id" uuid not null, "actor_id" uuid not null, "kind" varchar(10) not null, "visibility" varchar(10) not null, "text" text null, "media_ids" jsonb not null, "shared_activity_id" uuid null, "gym_name" varchar(200) null, "session_title" varchar(200) null, "session_starts_at" timestamptz null, "rating" smallint null, "friend_id" uuid null, "like_count" int not null default 0, "comment_count" int not null default 0, "share_count" int not null default 0, "source_event_id" varchar(100) null, "created_at" timestamptz not null, constraint "activity_pkey" primary key ("id"), constraint activity_counts_check check (like_count >= 0 and comment_count >= 0 and share_count >= 0));`);
    this.addSql(`create index "activity_actor_id_created_at_id_index" on "social"."activity" ("actor_id", "created_at", "id");`);
    this.addSql(`create index "activity_visibility_created_at_id_index" on "social"."activity" ("visibility", "created_at", "id");`);
    this.addSql(`alter table "social"."activity" add constraint "activity_source_event_id_unique" unique ("source_event_id");`);

    this.addSql(`create table "social"."block" ("blocker_id" uuid not null, "blocked_id" uuid not null, "created_at" timestamptz not null, constraint "block_pkey" primary key ("blocker_id", "blocked_id"));`);
    this.addSql(`create index "block_blocked_id_index" on "social"."block" ("blocked_id");`);

    this.addSql(`create table "social"."comment" ("id" uuid not null, "activity_id" uuid not null, "parent_id" uuid null, "author_id" uuid not null, "body" text not null, "reply_count" int not null default 0, "created_at" timestamptz not null, constraint "comment_pkey" primary key ("id"));`);
    this.addSql(`create index "comment_activity_id_created_at_id_index" on "social"."comment" ("activity_id", "created_at", "id");`);
    this.addSql(`create index "comment_parent_id_created_at_id_index" on "social"."comment" ("parent_id", "created_at", "id");`);
    this.addSql(`create index "comment_created_at_index" on "social"."comment" ("created_at");`);

    this.addSql(`create table "social"."feed_item" ("owner_id" uuid not null, "activity_id" uuid not null, "actor_id" uuid not null, "created_at" timestamptz not null, constraint "feed_item_pkey" primary key ("owner_id", "activity_id"));`);
    this.addSql(`create index "feed_item_owner_id_created_at_activity_id_index" on "social"."feed_item" ("owner_id", "created_at", "activity_id");`);
    this.addSql(`create index "feed_item_owner_id_actor_id_index" on "social"."feed_item" ("owner_id", "actor_id");`);

    this.addSql(`create table "social"."follow" ("follower_id" uuid not null, "followee_id" uuid not null, "created_at" timestamptz not null, constraint "follow_pkey" primary key ("follower_id", "followee_id"));`);
    this.addSql(`create index "follow_followee_id_created_at_follower_id_index" on "social"."follow" ("followee_id", "created_at", "follower_id");`);
    this.addSql(`create index "follow_follower_id_created_at_followee_id_index" on "social"."follow" ("follower_id", "created_at", "followee_id");`);

    this.addSql(`create table "social"."friend" ("user_id" uuid not null, "friend_id" uuid not null, "since" timestamptz not null, constraint "friend_pkey" primary key ("user_id", "friend_id"));`);
    this.addSql(`create index "friend_user_id_since_friend_id_index" on "social"."friend" ("user_id", "since", "friend_id");`);

    this.addSql(`create table "social"."friend_request" ("requester_id" uuid not null, "addressee_id" uuid not null, "created_at" timestamptz not null, constraint "friend_request_pkey" primary key ("requester_id", "addressee_id"));`);
    this.addSql(`create index "friend_request_addressee_id_created_at_requester_id_index" on "social"."friend_request" ("addressee_id", "created_at", "requester_id");`);

    this.addSql(`create table "social"."gym_visit" ("user_id" uuid not null, "gym_id" uuid not null, "last_at" timestamptz not null, constraint "gym_visit_pkey" primary key ("user_id", "gym_id"));`);
    this.addSql(`create index "gym_visit_gym_id_index" on "social"."gym_visit" ("gym_id");`);

    this.addSql(`create table "social"."activity_like" ("activity_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "activity_like_pkey" primary key ("activity_id", "user_id"));`);
    this.addSql(`create index "activity_like_activity_id_created_at_user_id_index" on "social"."activity_like" ("activity_id", "created_at", "user_id");`);
    this.addSql(`create index "activity_like_created_at_index" on "social"."activity_like" ("created_at");`);

    this.addSql(`create table "social"."mute" ("muter_id" uuid not null, "muted_id" uuid not null, "created_at" timestamptz not null, constraint "mute_pkey" primary key ("muter_id", "muted_id"));`);

    this.addSql(`create table "social"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "social"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "social"."person" ("user_id" uuid not null, "display_name" varchar(200) null, "friend_count" int not null default 0, "follower_count" int not null default 0, "following_count" int not null default 0, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("user_id"), constraint person_counts_check check (friend_count >= 0 and follower_count >= 0 and following_count >= 0));`);
    this.addSql(`create index "person_name_index" on "social"."person" using gin (to_tsvector('simple', coalesce("display_name", '')));`);

    this.addSql(`create table "social"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social"."activity" cascade;`);

    this.addSql(`drop table if exists "social"."block" cascade;`);

    this.addSql(`drop table if exists "social"."comment" cascade;`);

    this.addSql(`drop table if exists "social"."feed_item" cascade;`);

    this.addSql(`drop table if exists "social"."follow" cascade;`);

    this.addSql(`drop table if exists "social"."friend" cascade;`);

    this.addSql(`drop table if exists "social"."friend_request" cascade;`);

    this.addSql(`drop table if exists "social"."gym_visit" cascade;`);

    this.addSql(`drop table if exists "social"."activity_like" cascade;`);

    this.addSql(`drop table if exists "social"."mute" cascade;`);

    this.addSql(`drop table if exists "social"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "social"."person" cascade;`);

    this.addSql(`drop table if exists "social"."processed_event" cascade;`);

    this.addSql(`drop schema if exists "social";`);
  }

}
