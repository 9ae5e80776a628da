// The roles of the booking SOP. Each region names the Slack members who hold each role.

export const ROLES = ['order_management', 'revenue_operations', 'billing', 'customer_operations'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  order_management: 'Order management',
  revenue_operations: 'Revenue operations',
  billing: 'Billing',
  customer_operations: 'Customer operations',
};
