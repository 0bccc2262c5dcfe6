import { Migration } from '@mikro-orm/migrations';

export class Migration20261202211239 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "media"."erased_user" ("user_id" uuid not null, "erased_at" timestamptz not null, constraint "erased_user_pkey" primary key ("user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "media"."erased_user" cascade;`);
  }

}
