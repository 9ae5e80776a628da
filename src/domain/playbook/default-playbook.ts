// The desk's subscription-booking SOP, step by step, as data. Editing it means publishing a new version:
// requests in flight keep the version they started with.

import { definePlaybook } from './parse.ts';
import type { PlaybookInput } from './schema.ts';

// Ids from CRM, billing and order systems: letters and digits, with the usual separators.
const SYSTEM_ID = '[A-Za-z0-9][A-Za-z0-9._/-]{2,39}';
// Ticket ids from Jira-like (PROV-1234) and ServiceNow-like (RITM0012345) fulfilment tools.
const TICKET_ID = '[A-Za-z][A-Za-z0-9]{1,14}-?[0-9]{1,10}';

const input = {
  id: 'subscription_booking',
  version: 1,
  name: 'Subscription booking',
  slas: {
    // From submission until the order is booked in the CRM.
    approval: { businessHours: 12, stoppedBy: { stepId: 'create_order', on: 'completed' } },
    // From a requester's escalation until the desk answers in the thread or acts on the step.
    response: { businessHours: 6 },
  },
  amendments: {
    // New commercial terms invalidate every check made so far: start again from the quote.
    commercialChange: { resumeAt: 'step', stepId: 'verify_quote' },
    otherChange: { resumeAt: 'requesting_step' },
  },
  steps: [
    {
      id: 'verify_quote',
      role: 'order_management',
      title: 'Verify the quote',
      instructions:
        'Check the quote in the CRM. If approval is missing, the quote has expired or it does not match ' +
        'the request, escalate before continuing.',
      checklist: [
        { id: 'quote_linked', label: 'Quote number is valid and linked to the right customer account' },
        {
          id: 'quote_approved',
          label: 'Quote has the required approval status (discount and deal-desk approvals)',
        },
        { id: 'latest_version', label: 'Booking request matches the latest commercial version of the quote' },
        { id: 'quote_not_expired', label: 'Quote has not expired' },
      ],
      evidence: [
        { id: 'quote_version', label: 'Quote version checked', type: 'text', maxLength: 40 },
        { id: 'quote_valid_until', label: 'Quote valid until', type: 'date' },
      ],
      decisions: {
        complete: {},
        escalate: {
          escalateTo: 'Sales manager and deal desk',
          categories: [
            { id: 'missing_approval', label: 'Required approval missing' },
            { id: 'quote_expired', label: 'Quote expired' },
            { id: 'quote_inconsistent', label: 'Quote and request are inconsistent' },
            { id: 'wrong_account', label: 'Quote linked to another customer account' },
          ],
        },
        request_changes: {},
        reject: {
          leadsTo: 'rejection',
          categories: [
            { id: 'duplicate_request', label: 'Duplicate request' },
            { id: 'quote_not_found', label: 'Quote not found in the CRM' },
            { id: 'not_bookable', label: 'Deal is not bookable' },
          ],
        },
      },
    },
    {
      id: 'confirm_terms',
      role: 'revenue_operations',
      title: 'Confirm the subscription terms',
      instructions:
        'Compare the request with the approved quote and the signed contract. Record a deviation for every ' +
        'field that differs, then request changes so the requester corrects them.',
      checklist: [
        { id: 'start_date', label: 'Start date matches the quote and contract' },
        { id: 'term_length', label: 'Term length matches' },
        { id: 'sku', label: 'SKUs match' },
        { id: 'quantity_pricing', label: 'Quantities and pricing match' },
        { id: 'billing_frequency', label: 'Billing frequency matches' },
        { id: 'renewal_terms', label: 'Renewal and auto-renewal terms match' },
        { id: 'discounts', label: 'Discounts match the approved quote' },
        { id: 'credits_one_time', label: 'Credits and one-time charges match' },
      ],
      evidence: [
        {
          id: 'contract_reference',
          label: 'Contract reference',
          type: 'reference',
          pattern: SYSTEM_ID,
          example: 'CTR-2026-0042',
          required: false,
        },
      ],
      decisions: {
        complete: {},
        record_deviation: {
          fields: [
            { id: 'start_date', label: 'Start date' },
            { id: 'term_length', label: 'Term length' },
            { id: 'sku', label: 'SKU' },
            { id: 'quantity', label: 'Quantity' },
            { id: 'pricing', label: 'Pricing' },
            { id: 'billing_frequency', label: 'Billing frequency' },
            { id: 'renewal_terms', label: 'Renewal / auto-renewal terms' },
            { id: 'discounts', label: 'Discounts' },
            { id: 'credits', label: 'Credits' },
            { id: 'one_time_charges', label: 'One-time charges' },
          ],
        },
        request_changes: {},
      },
    },
    {
      id: 'billing_readiness',
      role: 'billing',
      title: 'Verify billing readiness',
      instructions: 'If a prerequisite is missing, escalate the non-conformance to the billing owner.',
      checklist: [
        { id: 'billing_account_linked', label: 'Billing account exists and is linked to the customer' },
        { id: 'invoice_recipient_address', label: 'Invoice recipient and billing address are complete' },
        { id: 'tax_currency_payment', label: 'Tax details, currency and payment method are populated' },
        { id: 'holds_resolved', label: 'Billing holds and credit blocks are resolved' },
      ],
      evidence: [
        {
          id: 'billing_account_id',
          label: 'Billing account ID',
          type: 'reference',
          pattern: SYSTEM_ID,
          example: 'BA-20931',
        },
      ],
      decisions: {
        complete: {},
        escalate: {
          escalateTo: 'Billing owner',
          categories: [
            { id: 'billing_account_missing', label: 'Billing account missing or not linked' },
            { id: 'invoice_details_incomplete', label: 'Invoice recipient or billing address incomplete' },
            { id: 'tax_currency_payment_missing', label: 'Tax, currency or payment method missing' },
            { id: 'billing_hold', label: 'Billing hold in place' },
            { id: 'credit_block', label: 'Credit block in place' },
          ],
        },
        request_changes: {},
      },
    },
    {
      id: 'create_order',
      role: 'order_management',
      title: 'Create the booked order',
      instructions: 'Create the order in the CRM / order system from the verified quote and confirmed terms.',
      milestone: 'booked',
      checklist: [
        { id: 'order_created', label: 'Order created in the CRM / order system from the approved quote' },
        { id: 'order_matches_terms', label: 'Order lines, dates and amounts match the confirmed terms' },
        { id: 'request_linked', label: 'Booking request reference noted on the CRM order', mandatory: false },
      ],
      evidence: [
        {
          id: 'crm_order_id',
          label: 'CRM order ID',
          type: 'reference',
          pattern: SYSTEM_ID,
          example: 'SO-104233',
        },
      ],
      decisions: { complete: {} },
    },
    {
      id: 'trigger_billing',
      role: 'billing',
      title: 'Trigger billing',
      instructions:
        'Activate billing for the booked order. If the booking lacks what billing needs, reject it with the ' +
        'reason: it goes back to the requester and counts against approval accuracy.',
      milestone: 'billing_triggered',
      checklist: [
        { id: 'schedule_activated', label: 'Subscription schedule activated' },
        { id: 'first_invoice', label: 'First invoice generated (or scheduled for the start date)' },
        { id: 'recurring_cycle', label: 'Recurring billing cycle set to the agreed frequency' },
      ],
      evidence: [
        {
          id: 'billing_reference',
          label: 'Billing reference number',
          type: 'reference',
          pattern: SYSTEM_ID,
          example: 'SUB-2026-00123',
        },
        {
          id: 'first_invoice_number',
          label: 'First invoice number',
          type: 'reference',
          pattern: SYSTEM_ID,
          example: 'INV-000981',
          required: false,
        },
      ],
      decisions: {
        complete: {},
        reject: {
          leadsTo: 'requester',
          categoryRequired: true,
          categories: [
            { id: 'missing_purchase_order', label: 'Purchase order missing' },
            { id: 'missing_tax_information', label: 'Tax information missing' },
            { id: 'billing_contact_incorrect', label: 'Billing contact incorrect' },
            { id: 'order_mismatch', label: 'Booked order does not match the quote' },
            { id: 'signed_contract_missing', label: 'Signed contract missing' },
            { id: 'other_requirement', label: 'Other booking requirement missing' },
          ],
        },
      },
    },
    {
      id: 'provisioning_handoff',
      role: 'customer_operations',
      title: 'Hand off to provisioning',
      instructions:
        'Open the provisioning ticket in the right fulfilment queue with an owner and a due date.',
      milestone: 'provisioning_handed_off',
      checklist: [
        { id: 'customer_identified', label: 'Customer name and account ID are on the ticket' },
        { id: 'products_listed', label: 'Ordered products are listed' },
        { id: 'activation_date', label: 'Activation date is set' },
        { id: 'technical_notes', label: 'Technical and delivery notes are included' },
        { id: 'dependencies', label: 'Dependencies and special handling are called out' },
      ],
      evidence: [
        {
          id: 'provisioning_ticket_id',
          label: 'Provisioning ticket ID',
          type: 'reference',
          pattern: TICKET_ID,
          example: 'PROV-1234',
        },
        {
          id: 'fulfilment_queue',
          label: 'Fulfilment queue',
          type: 'choice',
          options: [
            { id: 'saas_activation', label: 'SaaS activation' },
            { id: 'enterprise_onboarding', label: 'Enterprise onboarding' },
            { id: 'professional_services', label: 'Professional services' },
            { id: 'partner_fulfilment', label: 'Partner fulfilment' },
          ],
        },
        { id: 'ticket_owner', label: 'Ticket owner', type: 'slack_user' },
        { id: 'ticket_due_date', label: 'Ticket due date', type: 'date' },
      ],
      decisions: { complete: {} },
    },
    {
      id: 'verify_acknowledgements',
      role: 'order_management',
      title: 'Verify acknowledgements',
      // One business day to close the loop once provisioning has the ticket.
      slaBusinessHours: 8,
      checklist: [
        { id: 'billing_reference_recorded', label: 'Billing reference is recorded' },
        { id: 'ticket_owner_due_date', label: 'Provisioning ticket has an owner and a due date' },
        { id: 'exceptions_documented', label: 'Exceptions are documented' },
        { id: 'order_status_updated', label: 'Order status moved on, or closed as completed' },
      ],
      evidence: [
        {
          id: 'order_status',
          label: 'Order status',
          type: 'choice',
          options: [
            { id: 'moved_to_fulfilment', label: 'Moved on to fulfilment' },
            { id: 'closed_completed', label: 'Closed as completed' },
          ],
        },
        { id: 'exceptions', label: 'Exceptions', type: 'text', maxLength: 2000, required: false },
      ],
      decisions: { complete: {} },
    },
  ],
} satisfies PlaybookInput;

export const DEFAULT_PLAYBOOK = definePlaybook(input);
