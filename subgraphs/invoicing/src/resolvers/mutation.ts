import { validateInput } from '@lattice/server-kit';
import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { draftFromTranscript, draftFromVoiceNote, regenerateFromInvoice } from '../service/drafting';
import { createDraft, deleteDraft, markPaid, updateDraft, voidInvoice } from '../service/invoices';
import { issueInvoice } from '../service/issuing';
import { updateSettings } from '../service/settings-of-user';
import { voidReasonInput } from '../service/validation';

// Every mutation acts for the caller on their own invoices: none takes a user id.
export const Mutation: MutationResolvers<Context> = {
  draftInvoiceFromTranscript: (_parent, { transcript }, { viewer, em, runtime }) =>
    draftFromTranscript(em, runtime, requireViewer(viewer).id, transcript),
  draftInvoiceFromVoiceNote: (_parent, args, { viewer, em, runtime }) =>
    draftFromVoiceNote(em, runtime, requireViewer(viewer).id, args),
  createInvoiceDraft: (_parent, { input }, { viewer, em, runtime }) =>
    createDraft(em, runtime, requireViewer(viewer).id, input),
  updateInvoiceDraft: (_parent, { id, input }, { viewer, em, runtime }) =>
    updateDraft(em, runtime, requireViewer(viewer).id, id, input),
  regenerateInvoice: (_parent, { id }, { viewer, em, runtime }) =>
    regenerateFromInvoice(em, runtime, requireViewer(viewer).id, id),
  issueInvoice: (_parent, { id }, { viewer, em, runtime }) =>
    issueInvoice(em, runtime, requireViewer(viewer).id, id),
  deleteInvoice: (_parent, { id }, { viewer, em }) => deleteDraft(em, requireViewer(viewer).id, id),
  voidInvoice: (_parent, { id, reason }, { viewer, em, runtime }) => {
    const ownerId = requireViewer(viewer).id;
    return voidInvoice(em, runtime, ownerId, id, validateInput(voidReasonInput, reason, 'reason'));
  },
  markInvoicePaid: (_parent, { id }, { viewer, em, runtime }) =>
    markPaid(em, runtime, requireViewer(viewer).id, id),
  updateInvoiceSettings: (_parent, { input }, { viewer, em }) =>
    updateSettings(em, requireViewer(viewer).id, input),
};
