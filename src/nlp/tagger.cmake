# tagger component: sources and tests (see CMakeLists.txt).
