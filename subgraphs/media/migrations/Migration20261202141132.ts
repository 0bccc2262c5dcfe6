import { Migration } from '@mikro-orm/migrations';

export class Migration20261202141132 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "media"."publication" ("media_id" uuid not null, "use" varchar(100) not null, "created_at" timestamptz not null, constraint "publication_pkey" primary key ("media_id", "use"));`);

    this.addSql(`alter table "media"."media" add column "is_public" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "media"."publication" cascade;`);

    this.addSql(`alter table "media"."media" drop column "is_public";`);
  }

}
