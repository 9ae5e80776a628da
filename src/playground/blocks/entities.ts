// Slack escapes exactly three characters in message text (&amp; &lt; &gt;); everything else is
// literal. Decoding them once gives the text people see (then escaped again for HTML).

export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_entity, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}
