# features component: sources and tests (see CMakeLists.txt).
# Universal features (CoNLL-U FEATS) of English words from their tags and tree, by rules.
add_library(thaw_nlp_features STATIC features.cc)
thaw_target_options(thaw_nlp_features)
target_link_libraries(thaw_nlp_features PUBLIC thaw_nlp_base)
target_link_libraries(thaw_nlp INTERFACE thaw_nlp_features)

if(THAW_BUILD_TESTS)
  thaw_test(features_test SOURCES features_test.cc LIBS thaw_nlp_features thaw_text)
endif()
