# The Debian package: `cpack` in a build directory (or scripts/check_package) writes
# safemap_<version>_amd64.deb. What it installs is listed in packaging/CMakeLists.txt.
set(CPACK_PACKAGE_NAME "safemap")
set(CPACK_PACKAGE_VENDOR "SafeMap")
set(CPACK_PACKAGE_CONTACT "${SAFEMAP_PACKAGE_CONTACT}")  # packaging/CMakeLists.txt
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "risk map of industrial zones, clusters and factories")
# The extended description: CPack puts the summary first, indents every line by one space
# and turns an empty line into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "SafeMap (Bản đồ chung sống an toàn) is a desktop GIS for Vietnamese provincial
officials, inspectors and analysts. It shows every industrial zone, industrial
cluster, economic zone and factory of a province on one map, coloured by the
infection risk scored from the enterprises' own assessments, and lists the
facilities due for inspection or suspension, each with its reasons.

It works fully offline: the basemap, the criteria sets and a sample province
ship with it. The window speaks Vietnamese or English and has its user guide
behind F1; the safemap command does the same work from a terminal.")
set(CPACK_GENERATOR "DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")  # safemap_<version>_<arch>.deb
# Libraries come from dpkg-shlibdeps on the binary (Qt 6, GDAL, SQLite...). What it cannot
# see is loaded at run time: Qt's SVG image plugin (libqt6svg6) for the window icon, and a
# font with Vietnamese letters for the map's labels (through fontconfig).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, fonts-noto-core | fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
include(CPack)
