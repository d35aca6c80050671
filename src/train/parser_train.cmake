# parser_train: sources and tests (see CMakeLists.txt).
