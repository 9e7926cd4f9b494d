/**
 * The words one of which every status statement contains (status.ts): one cheap test first, since most sentences
 * state no status at all. Case-insensitive ASCII letters, matched anywhere (they are stems: "approv", "surviv").
 */
export const ANY_STATUS = /member|join|pending|observer|candidate|applied|approv|ratif|passed|adopted|signed|reject|veto|voted|struck|blocked|killed|died|dead|surviv|alive|condition|guilty|convict|acquit|cleared/i;
