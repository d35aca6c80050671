# parser_train: sources and tests (see CMakeLists.txt).
add_library(thaw_train_parser STATIC parser_train.cc)
thaw_target_options(thaw_train_parser)
target_link_libraries(thaw_train_parser PUBLIC thaw_nlp thaw_train_tagger)
target_link_libraries(thaw_train INTERFACE thaw_train_parser)

if(THAW_BUILD_TESTS)
  thaw_test(parser_train_test SOURCES parser_train_test.cc LIBS thaw_train_parser)
endif()
