# tagger_train: sources and tests (see CMakeLists.txt).
add_library(thaw_train_tagger STATIC tagger_train.cc)
thaw_target_options(thaw_train_tagger)
target_link_libraries(thaw_train_tagger PUBLIC thaw_nlp_tagger thaw_text)
target_link_libraries(thaw_train INTERFACE thaw_train_tagger)

if(THAW_BUILD_TESTS)
  thaw_test(tagger_train_test SOURCES tagger_train_test.cc LIBS thaw_train_tagger)
endif()
