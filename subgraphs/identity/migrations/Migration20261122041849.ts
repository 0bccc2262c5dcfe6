import { Migration } from '@mikro-orm/migrations';

export class Migration20261122041849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "identity"."oauth_identity" ("id" uuid not null, "provider" varchar(32) not null, "subject" varchar(255) not null, "user_id" uuid not null, "email" varchar(254) null, "created_at" timestamptz not null, constraint "oauth_identity_pkey" primary key ("id"));`);
    this.addSql(`create index "oauth_identity_user_id_index" on "identity"."oauth_identity" ("user_id");`);
    this.addSql(`alter table "identity"."oauth_identity" add constraint "oauth_identity_provider_subject_unique" unique ("provider", "subject");`);

    this.addSql(`create table "identity"."oidc_login_attempt" ("state_hash" varchar(64) not null, "provider" varchar(32) not null, "nonce" varchar(128) not null, "code_verifier" varchar(128) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "oidc_login_attempt_pkey" primary key ("state_hash"));`);
    this.addSql(`create index "oidc_login_attempt_expires_at_index" on "identity"."oidc_login_attempt" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."oauth_identity" cascade;`);

    this.addSql(`drop table if exists "identity"."oidc_login_attempt" cascade;`);
  }

}
