# segmenter_train: sources and tests (see CMakeLists.txt).
add_library(thaw_train_segmenter STATIC segmenter_train.cc)
thaw_target_options(thaw_train_segmenter)
target_link_libraries(thaw_train_segmenter PUBLIC thaw_nlp_segmenter thaw_text)
target_link_libraries(thaw_train INTERFACE thaw_train_segmenter)

if(THAW_BUILD_TESTS)
  thaw_test(segmenter_train_test SOURCES segmenter_train_test.cc LIBS thaw_train_segmenter)
endif()
