# tagger component: sources and tests (see CMakeLists.txt).
add_library(thaw_nlp_tagger STATIC tagger.cc lemmatizer.cc)
thaw_target_options(thaw_nlp_tagger)
target_link_libraries(thaw_nlp_tagger PUBLIC thaw_nlp_base)
target_link_libraries(thaw_nlp INTERFACE thaw_nlp_tagger)

if(THAW_BUILD_TESTS)
  thaw_test(tagger_test SOURCES tagger_test.cc lemmatizer_test.cc LIBS thaw_nlp_tagger)
endif()
