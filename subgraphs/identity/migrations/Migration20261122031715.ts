import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031715 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
    this.addSql(`create table "identity"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "identity"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "identity"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "identity"."refresh_token" ("token_hash" varchar(64) not null, "session_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "refresh_token_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "refresh_token_session_id_index" on "identity"."refresh_token" ("session_id");`);

    this.addSql(`create table "identity"."session" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "user_agent" varchar(512) null, "ip" varchar(64) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_user_id_index" on "identity"."session" ("user_id");`);

    this.addSql(`create table "identity"."signing_key" ("kid" varchar(64) not null, "algorithm" varchar(16) not null default 'EdDSA', "public_jwk" jsonb not null, "private_jwk" jsonb not null, "created_at" timestamptz not null, "retired_at" timestamptz null, constraint "signing_key_pkey" primary key ("kid"));`);

    this.addSql(`create table "identity"."user_account" ("id" uuid not null, "email" varchar(254) not null, "password_hash" varchar(255) not null, "role" varchar(16) not null default 'user', "status" varchar(16) not null default 'active', "email_verified" boolean not null default false, "created_at" timestamptz not null, "last_login_at" timestamptz null, constraint "user_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity"."user_account" add constraint "user_account_email_unique" unique ("email");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "identity"."processed_event" cascade;`);

    this.addSql(`drop table if exists "identity"."refresh_token" cascade;`);

    this.addSql(`drop table if exists "identity"."session" cascade;`);

    this.addSql(`drop table if exists "identity"."signing_key" cascade;`);

    this.addSql(`drop table if exists "identity"."user_account" cascade;`);

    this.addSql(`drop schema if exists "identity";`);
  }

}
