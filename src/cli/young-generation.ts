import { setFlagsFromString } from 'node:v8';

// V8 starts the young generation at 1 MB a semi-space and doubles it after a scavenge that keeps much alive, up to
// its maximum (16 MB). Loading the rule packs allocates ~30 MB that mostly stays: with doubling, a one-article run
// scavenged eight times and copied the packs' objects from semi-space to semi-space and into the old generation,
// which then needed a full mark-compact before exit. Growing sixteen-fold at the first such scavenge takes the young
// generation to its usual maximum at once: four scavenges, no mark-compact. A batch reaches that maximum within its
// first articles anyway, so its steady state (and peak memory) is the same. Read by V8 at each growth, so setting
// it at run time works; a process-wide setting, imported by the CLI only (the library leaves V8 to its callers).
setFlagsFromString('--semi-space-growth-factor=16');
