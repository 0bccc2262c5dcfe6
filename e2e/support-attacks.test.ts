import { waitFor } from '@lattice/testkit';
import { newUser, uploadFile } from './support/media';
import {
  newAgent,
  NOTE,
  ok,
  OPEN_TICKET,
  REPLY,
  startSupportLattice,
  type SupportLattice,
} from './support/support-desk';

// Attachments through the gateway: support says which files go with a ticket, media decides
// who reads them. Nobody gets a file through a ticket that they could not read otherwise, and
// an internal note's files never reach the ticket's author.
let desk: SupportLattice;
beforeAll(async () => {
  desk = await startSupportLattice();
});
afterAll(() => desk?.stop());

const TICKET = `query($id: ID!) {
  ticket(id: $id) {
    attachments { id url }
    messages { edges { node { kind body attachments { id url } } } }
  }
}`;

const text = (name: string, content: string) => ({
  filename: name,
  contentType: 'text/plain',
  bytes: Buffer.from(content),
});

test("someone else's file attached to a ticket or a reply stays theirs: unreadable by the author and by agents", async () => {
  const { lattice, admin } = desk;
  const agent = await newAgent(lattice, admin);
  const author = await newUser(lattice);
  const victim = await newUser(lattice);
  const own = await uploadFile(lattice, author.token, text('own.txt', 'mine'));
  const theirs = await uploadFile(lattice, victim.token, text('payslip.txt', 'SECRET SALARY'));

  const { openTicket } = await ok(lattice, author.token, OPEN_TICKET, {
    input: {
      title: 'Look',
      description: 'See files',
      category: 'billing',
      attachmentIds: [own.id, theirs.id],
    },
  });
  await ok(lattice, author.token, REPLY, { t: openTicket.id, body: 'and again', files: [theirs.id] });

  // Once media has heard of the share, the author's own file is readable by the agent...
  const seen = await waitFor(async () => {
    const { ticket } = await ok(lattice, agent.token, TICKET, { id: openTicket.id });
    return ticket.attachments[0]?.url ? ticket : undefined;
  });
  expect(seen.attachments[0].id).toBe(own.id);
  // ...the victim's never, by anyone, wherever it was attached (media resolves it as absent:
  // the id the author typed, and nothing of the file).
  for (const token of [agent.token, author.token]) {
    const { ticket } = await ok(lattice, token, TICKET, { id: openTicket.id });
    expect(ticket.attachments[1]).toEqual({ id: theirs.id, url: null });
    expect(ticket.messages.edges[0].node.attachments).toEqual([{ id: theirs.id, url: null }]);
  }
  const { media } = await ok(lattice, victim.token, `query($id: ID!) { media(id: $id) { id url } }`, {
    id: theirs.id,
  });
  expect(media.url).not.toBeNull();
});

test("an internal note's file reaches agents only, even when its id is attached by the author", async () => {
  const { lattice, admin } = desk;
  const agent = await newAgent(lattice, admin);
  const colleague = await newAgent(lattice, admin);
  const author = await newUser(lattice);
  const noteFile = await uploadFile(
    lattice,
    agent.token,
    text('internal.txt', 'customer is on the old plan'),
  );
  const { openTicket } = await ok(lattice, author.token, OPEN_TICKET, {
    input: { title: 'Billing', description: 'Wrong amount', category: 'billing' },
  });
  await ok(lattice, agent.token, NOTE, { t: openTicket.id, body: 'see file', files: [noteFile.id] });

  // Another agent reads it (media's support-agents audience)...
  const url = await waitFor(async () => {
    const { ticket } = await ok(lattice, colleague.token, TICKET, { id: openTicket.id });
    return ticket.messages.edges[0]?.node.attachments[0]?.url as string | undefined;
  });
  expect(await (await fetch(url)).text()).toContain('old plan');

  // ...the author sees neither the note nor its file, even naming the file's id in a reply.
  await ok(lattice, author.token, REPLY, { t: openTicket.id, body: 'is this it?', files: [noteFile.id] });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // media has heard of every share by now
  const { ticket } = await ok(lattice, author.token, TICKET, { id: openTicket.id });
  expect(ticket.messages.edges.map((edge: any) => edge.node)).toEqual([
    { kind: 'REPLY', body: 'is this it?', attachments: [{ id: noteFile.id, url: null }] },
  ]);
  expect(JSON.stringify(ticket)).not.toContain('see file');
});
