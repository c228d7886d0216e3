"""Actions: one real-world act (what was done, by whom, to whom, since when) folded from the
reports of many outlets and languages, with its official record. See docs/views.md."""
