#pragma once

namespace safemap {

/// Registers the resources of resources/resources.qrc (the window icon). They are compiled
/// into the safemap_app static library, and a linker keeps an object of a static library
/// only when something refers to it: without this call the icon was never in the binary.
/// Safe to call more than once.
void registerAppResources();

}  // namespace safemap
