import { Migration } from '@mikro-orm/migrations';

export class Migration20261202143905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "bookings";`);
    // Geo search: both ship with PostgreSQL (and the embedded one). In public, which every
    // connection's search_path holds: earthdistance's functions find `cube` through it.
    this.addSql(`create extension if not exists cube with schema public;`);
    this.addSql(`create extension if not exists earthdistance with schema public;`);
    this.addSql(`create table "bookings"."booking" ("id" uuid not null, "session_id" uuid not null, "gym_id" uuid not null, "user_id" uuid not null, "status" varchar(20) not null, "credits" int not null default 0, "credit_action" varchar(10) null, "credits_settled_at" timestamptz null, "offer_expires_at" timestamptz null, "attendance" varchar(20) null, "checked_in_at" timestamptz null, "checked_out_at" timestamptz null, "cancelled_at" timestamptz null, "cancellation_reason" varchar(200) null, "invitation_id" uuid null, "reminded_at" timestamptz null, "line" int not null default 0, "free_cancel_until" timestamptz null, "starts_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "booking_pkey" primary key ("id"), constraint booking_credits_check check (credits >= 0));`);
    this.addSql(`create index "booking_session_id_status_line_index" on "bookings"."booking" ("session_id", "status", "line");`);
    this.addSql(`create index "booking_user_id_starts_at_id_index" on "bookings"."booking" ("user_id", "starts_at", "id");`);
    this.addSql(`create index "booking_to_settle_index" on "bookings"."booking" ("updated_at") where "credit_action" is not null and "credits_settled_at" is null;`);
    this.addSql(`create index "booking_offer_index" on "bookings"."booking" ("offer_expires_at") where "status" = 'OFFERED';`);
    this.addSql(`create index "booking_to_remind_index" on "bookings"."booking" ("starts_at") where "status" = 'CONFIRMED' and "reminded_at" is null;`);
    this.addSql(`create index "booking_pending_index" on "bookings"."booking" ("updated_at") where "status" = 'PENDING';`);
    this.addSql(`create unique index "booking_one_live_per_user" on "bookings"."booking" ("session_id", "user_id") where "status" in ('WAITLISTED', 'OFFERED', 'PENDING', 'CONFIRMED');`);

    this.addSql(`create table "bookings"."equipment" ("id" uuid not null, "gym_id" uuid not null, "name" varchar(100) not null, "type" varchar(50) not null, "quantity" int not null default 1, "active" boolean not null default true, constraint "equipment_pkey" primary key ("id"));`);
    this.addSql(`create index "equipment_gym_id_index" on "bookings"."equipment" ("gym_id");`);
    this.addSql(`create index "equipment_type_gym_id_index" on "bookings"."equipment" ("type", "gym_id");`);

    this.addSql(`create table "bookings"."favourite" ("user_id" uuid not null, "gym_id" uuid not null, "created_at" timestamptz not null, constraint "favourite_pkey" primary key ("user_id", "gym_id"));`);
    this.addSql(`create index "favourite_user_id_created_at_gym_id_index" on "bookings"."favourite" ("user_id", "created_at", "gym_id");`);

    this.addSql(`create table "bookings"."gym" ("id" uuid not null, "name" varchar(200) not null, "address" varchar(500) not null, "latitude" double precision not null, "longitude" double precision not null, "time_zone" varchar(64) not null, "status" varchar(20) not null default 'OPEN', "description" text null, "requires_induction" boolean not null default false, "cancellation_window_minutes" int not null default 720, "opening_hours" jsonb not null, "picture_ids" jsonb not null, "rating_sum" int not null default 0, "review_count" int not null default 0, "created_by" uuid not null, "created_at" timestamptz not null, constraint "gym_pkey" primary key ("id"), constraint gym_rating_check check (rating_sum >= 0 and review_count >= 0));`);
    this.addSql(`create index "gym_name_id_index" on "bookings"."gym" ("name", "id");`);
    this.addSql(`create index "gym_location_index" on "bookings"."gym" using gist (ll_to_earth("latitude", "longitude"));`);
    this.addSql(`create index "gym_text_index" on "bookings"."gym" using gin (to_tsvector('simple', "name" || ' ' || "address"));`);

    this.addSql(`create table "bookings"."gym_closure" ("id" uuid not null, "gym_id" uuid not null, "from_date" date not null, "to_date" date not null, "reason" varchar(200) null, constraint "gym_closure_pkey" primary key ("id"));`);
    this.addSql(`create index "gym_closure_gym_id_to_date_index" on "bookings"."gym_closure" ("gym_id", "to_date");`);

    this.addSql(`create table "bookings"."gym_session" ("id" uuid not null, "gym_id" uuid not null, "title" varchar(200) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" int not null, "price_credits" int not null, "status" varchar(20) not null default 'SCHEDULED', "ended_at" timestamptz null, "created_by" uuid not null, "created_at" timestamptz not null, constraint "gym_session_pkey" primary key ("id"), constraint gym_session_capacity_check check (capacity >= 0), constraint gym_session_price_check check (price_credits >= 0), constraint gym_session_times_check check (ends_at > starts_at));`);
    this.addSql(`create index "gym_session_gym_id_starts_at_id_index" on "bookings"."gym_session" ("gym_id", "starts_at", "id");`);
    this.addSql(`create index "gym_session_to_end_index" on "bookings"."gym_session" ("ends_at") where "ended_at" is null;`);

    this.addSql(`create table "bookings"."gym_staff" ("gym_id" uuid not null, "user_id" uuid not null, "role" varchar(20) not null, "since" timestamptz not null, constraint "gym_staff_pkey" primary key ("gym_id", "user_id"));`);
    this.addSql(`create index "gym_staff_user_id_index" on "bookings"."gym_staff" ("user_id");`);

    this.addSql(`create table "bookings"."induction" ("id" uuid not null, "gym_id" uuid not null, "user_id" uuid not null, "status" varchar(20) not null default 'REQUESTED', "scheduled_at" timestamptz null, "completed_at" timestamptz null, "completed_by" uuid null, "requested_at" timestamptz not null, constraint "induction_pkey" primary key ("id"));`);
    this.addSql(`create index "induction_gym_id_status_requested_at_id_index" on "bookings"."induction" ("gym_id", "status", "requested_at", "id");`);
    this.addSql(`create index "induction_user_id_requested_at_id_index" on "bookings"."induction" ("user_id", "requested_at", "id");`);
    this.addSql(`create unique index "induction_one_live_per_user" on "bookings"."induction" ("gym_id", "user_id") where "status" <> 'CANCELLED';`);

    this.addSql(`create table "bookings"."invitation" ("id" uuid not null, "booking_id" uuid not null, "session_id" uuid not null, "inviter_id" uuid not null, "email" varchar(254) not null, "token_hash" varchar(64) not null, "status" varchar(20) not null default 'PENDING', "invitee_id" uuid null, "created_at" timestamptz not null, "answered_at" timestamptz null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_booking_id_index" on "bookings"."invitation" ("booking_id");`);
    this.addSql(`alter table "bookings"."invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "bookings"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "bookings"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "bookings"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "bookings"."review" ("id" uuid not null, "booking_id" uuid not null, "gym_id" uuid not null, "user_id" uuid not null, "rating" smallint not null, "text" varchar(2000) null, "picture_id" uuid null, "created_at" timestamptz not null, constraint "review_pkey" primary key ("id"), constraint review_rating_check check (rating >= 1 and rating <= 5));`);
    this.addSql(`create index "review_gym_id_created_at_id_index" on "bookings"."review" ("gym_id", "created_at", "id");`);
    this.addSql(`create index "review_user_id_index" on "bookings"."review" ("user_id");`);
    this.addSql(`alter table "bookings"."review" add constraint "review_booking_id_unique" unique ("booking_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bookings"."booking" cascade;`);

    this.addSql(`drop table if exists "bookings"."equipment" cascade;`);

    this.addSql(`drop table if exists "bookings"."favourite" cascade;`);

    this.addSql(`drop table if exists "bookings"."gym" cascade;`);

    this.addSql(`drop table if exists "bookings"."gym_closure" cascade;`);

    this.addSql(`drop table if exists "bookings"."gym_session" cascade;`);

    this.addSql(`drop table if exists "bookings"."gym_staff" cascade;`);

    this.addSql(`drop table if exists "bookings"."induction" cascade;`);

    this.addSql(`drop table if exists "bookings"."invitation" cascade;`);

    this.addSql(`drop table if exists "bookings"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "bookings"."processed_event" cascade;`);

    this.addSql(`drop table if exists "bookings"."review" cascade;`);

    this.addSql(`drop schema if exists "bookings";`);
  }

}
