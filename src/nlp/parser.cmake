# parser component: sources and tests (see CMakeLists.txt).
add_library(thaw_nlp_parser STATIC parser.cc parser_model.cc)
thaw_target_options(thaw_nlp_parser)
target_link_libraries(thaw_nlp_parser PUBLIC thaw_nlp_base)
target_link_libraries(thaw_nlp INTERFACE thaw_nlp_parser)

if(THAW_BUILD_TESTS)
  thaw_test(parser_test SOURCES parser_test.cc LIBS thaw_nlp_parser thaw_nlp_tagger)
endif()
