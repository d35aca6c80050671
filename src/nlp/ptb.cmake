# ptb component: sources and tests (see CMakeLists.txt).
# Penn Treebank bracketed trees (CoreNLP output in PETRARCH-2 files) -> UD dependency trees.
add_library(thaw_nlp_ptb STATIC ptb.cc)
thaw_target_options(thaw_nlp_ptb)
target_link_libraries(thaw_nlp_ptb PUBLIC thaw_nlp_base)
target_link_libraries(thaw_nlp INTERFACE thaw_nlp_ptb)

if(THAW_BUILD_TESTS)
  thaw_test(ptb_test SOURCES ptb_test.cc LIBS thaw_nlp_ptb)
endif()
