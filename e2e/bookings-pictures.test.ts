import sharp from 'sharp';
import { waitFor } from '@lattice/testkit';
import {
  type BookingsLattice,
  CREATE_GYM,
  gql,
  memberWithCredits,
  ok,
  startBookingsLattice,
} from './support/bookings';
import { uploadFile } from './support/media';

let world: BookingsLattice;
beforeAll(async () => {
  world = await startBookingsLattice({ subgraphs: ['media'] });
}, 60_000);
afterAll(() => world?.stop());

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
const PICTURES = 'query($id: ID!) { gym(id: $id) { pictures { id url thumbnailUrl } } }';

describe("a gym's pictures through the gateway", () => {
  it('are seen by anyone once staff add one of their images, and no longer once removed', async () => {
    const { lattice, admin } = world;
    const { createGym } = await ok(lattice, admin, CREATE_GYM, {
      input: {
        name: 'Picture Gym',
        address: 'Somewhere',
        latitude: 50,
        longitude: 8,
        timeZone: 'Europe/Berlin',
      },
    });
    const image = await uploadFile(lattice, admin, {
      filename: 'front.png',
      contentType: 'image/png',
      bytes: await png(),
    });
    await ok(lattice, admin, 'mutation($g: ID!, $m: ID!) { addGymPicture(gymId: $g, mediaId: $m) { id } }', {
      g: createGym.id,
      m: image.id,
    });
    const anonymous = async () => (await ok(lattice, undefined, PICTURES, { id: createGym.id })).gym.pictures;
    await waitFor(async () => (await anonymous())[0] !== null);
    const [picture] = await anonymous();
    expect(picture.url).toMatch(new RegExp(`/media/public/${image.id}/file$`));
    const served = await fetch(picture.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\//);

    await ok(
      lattice,
      admin,
      'mutation($g: ID!, $m: ID!) { removeGymPicture(gymId: $g, mediaId: $m) { id } }',
      {
        g: createGym.id,
        m: image.id,
      },
    );
    expect(await anonymous()).toEqual([]);
    await waitFor(async () => (await fetch(picture.url)).status === 404);
  });

  it("gives no address of someone else's image added by staff", async () => {
    const { lattice, admin } = world;
    const member = await memberWithCredits(lattice, admin, 0);
    const theirs = await uploadFile(lattice, member.token, {
      filename: 'private.png',
      contentType: 'image/png',
      bytes: await png(),
    });
    const { createGym } = await ok(lattice, admin, CREATE_GYM, {
      input: {
        name: 'Borrowing Gym',
        address: 'Elsewhere',
        latitude: 50,
        longitude: 8,
        timeZone: 'Europe/Berlin',
      },
    });
    await ok(lattice, admin, 'mutation($g: ID!, $m: ID!) { addGymPicture(gymId: $g, mediaId: $m) { id } }', {
      g: createGym.id,
      m: theirs.id,
    });
    // A picture of the admin's own, added after: once anyone sees it, media has handled both.
    const own = await uploadFile(lattice, admin, {
      filename: 'own.png',
      contentType: 'image/png',
      bytes: await png(),
    });
    await ok(lattice, admin, 'mutation($g: ID!, $m: ID!) { addGymPicture(gymId: $g, mediaId: $m) { id } }', {
      g: createGym.id,
      m: own.id,
    });
    const stranger = await memberWithCredits(lattice, admin, 0);
    const pictures = async () =>
      (await gql(lattice, stranger.token, PICTURES, { id: createGym.id })).data!.gym.pictures;
    await waitFor(async () => (await pictures())[1].url !== null);
    expect((await pictures())[0]).toEqual({ id: theirs.id, url: null, thumbnailUrl: null });
  });
});
