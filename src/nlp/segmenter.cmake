# segmenter component: sentence splitting and tokenization (see CMakeLists.txt).
find_package(ICU REQUIRED COMPONENTS uc i18n)

add_library(thaw_nlp_segmenter STATIC segmenter.cc segmenter_tokenize.cc)
thaw_target_options(thaw_nlp_segmenter)
target_link_libraries(thaw_nlp_segmenter PUBLIC thaw_nlp_base PRIVATE ICU::uc ICU::i18n)
target_link_libraries(thaw_nlp INTERFACE thaw_nlp_segmenter)

if(THAW_BUILD_TESTS)
  thaw_test(segmenter_test SOURCES segmenter_test.cc LIBS thaw_nlp_segmenter)
  # Loading models/segmenter.model, or falling back to the rules, through the pipeline.
  thaw_test(segmenter_pipeline_test SOURCES segmenter_pipeline_test.cc LIBS thaw_nlp_pipeline)
endif()
