#pragma once

namespace safemap {

/// Replaces this process with the whole program (the window and every command, Qt and GDAL
/// loaded), given the same arguments: `safemap-full` beside this executable (a build tree),
/// else <prefix>/libexec/safemap/safemap-full (installed), with glibc's huge-page tunable
/// set for it (preferHugePagesForNextProgram). Returns only if that fails, with
/// the exit code to end with after a message on stderr.
int startFullProgram(char** argv);

}  // namespace safemap
