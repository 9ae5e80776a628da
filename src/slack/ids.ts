// Every callback_id and action_id the app puts into Slack, in one place.

export const CALLBACK = {
  intake: 'booking_intake',
} as const;

export const ACTION = {
  newBooking: 'new_booking',
} as const;

export const COMMAND = '/book';
