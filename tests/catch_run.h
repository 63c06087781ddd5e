#pragma once

// Runs the Catch session of a test executable (tests/catch_impl.cpp): the mains call it
// instead of Catch::Session, which only the file holding Catch's implementation can see.
int runCatchSession(int argc, char** argv);
