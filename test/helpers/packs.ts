// A user's rule pack as an editor writes one: a house-style phrase list, the shape the README documents.

/** The house-style pack: one phrase rule flagging "game changer" (with `suggestion`, if given). */
export function houseStylePack(suggestion?: string): object {
  return {
    name: 'house-style',
    rules: [
      {
        id: 'boilerplate/house-cliches',
        category: 'boilerplate',
        severity: 'warning',
        message: 'House style: avoid "{text}".',
        description: 'Phrases our desk does not print.',
        type: 'phrase',
        options: { phrases: [{ phrase: 'game changer', ...(suggestion ? { suggestion } : {}) }] },
        examples: { flag: ['It is a game changer.'], pass: ['The game changed.'] },
      },
    ],
  };
}
