// Package escape makes untrusted text (every name, tag, id and detail that
// came from an estate, a cloud API or a user file) inert in the medium it is
// written to. There is one function per medium and every writer uses it:
//
//   - Terminal: control characters (C0, C1, ESC and so OSC/CSI), bidi
//     overrides and zero-width characters are made visible ("\x1b",
//     "\u202e"); very long text is shortened with an ellipsis in time linear
//     in the kept part, whatever the input's length.
//   - Markdown and MarkdownCode: GitHub-flavoured Markdown text, where no
//     mention (@org/team), issue reference, link, HTML, emphasis, pipe or
//     backtick from the input stays live.
//   - MermaidLabel and DotString: quoted diagram labels.
//   - XML and HTML: text and quoted attribute values.
//   - WorkflowData and WorkflowProperty: GitHub Actions workflow commands.
//   - JSON: an encoded document, hidden characters rewritten as \u escapes
//     (the data is unchanged for any reader).
//   - Document: the last guard over a whole rendered HTML page.
//
// Every escaper also defuses workflow commands: a line read by a GitHub
// Actions runner that starts (after spaces) with "::error" or "##[" is a
// command, and any untrusted text may end up at the start of a line once a
// table or paragraph is wrapped. So "::" before a runner command name and
// "##[" lose their meaning in every medium (Defuse). Only the github format
// writes workflow commands, and only around escaped text.
//
// What always holds: output of these functions contains no raw control
// character (but the "\n" Markdown tables never see), no bidi or zero-width
// character, and no live workflow command, for any input; each runs in time
// linear in its input (Terminal and Shorten in the kept part).
package escape
