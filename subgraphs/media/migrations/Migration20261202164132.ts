import { Migration } from '@mikro-orm/migrations';

export class Migration20261202164132 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "media"."audience_member" ("audience" varchar(100) not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "audience_member_pkey" primary key ("audience", "user_id"));`);
    this.addSql(`create index "audience_member_user_id_index" on "media"."audience_member" ("user_id");`);

    this.addSql(`create table "media"."media_share" ("media_id" uuid not null, "use" varchar(100) not null, "audience" varchar(100) not null, "created_at" timestamptz not null, constraint "media_share_pkey" primary key ("media_id", "use", "audience"));`);
    this.addSql(`create index "media_share_use_index" on "media"."media_share" ("use");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "media"."audience_member" cascade;`);

    this.addSql(`drop table if exists "media"."media_share" cascade;`);
  }

}
