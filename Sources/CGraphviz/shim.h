// The parts of Graphviz's C library (libgvc, libcgraph; Debian's libgraphviz-dev) that
// OutpostRender uses. Headers come from the system through pkg-config (`libgvc`); nothing
// from Graphviz is copied here. Only GraphvizRenderer.swift imports this module.
#ifndef OUTPOST_CGRAPHVIZ_SHIM_H
#define OUTPOST_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Exported by libcgraph but missing from its headers: resets the DOT lexer, whose state
// otherwise carries over from one `agmemread` to the next (a global flex buffer).
extern void aglexbad(void);

#endif
