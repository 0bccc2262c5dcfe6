import { Migration } from '@mikro-orm/migrations';

export class Migration20261122041201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "identity"."one_time_token" ("token_hash" varchar(64) not null, "purpose" varchar(32) not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "one_time_token_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "one_time_token_user_id_purpose_created_at_index" on "identity"."one_time_token" ("user_id", "purpose", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."one_time_token" cascade;`);
  }

}
